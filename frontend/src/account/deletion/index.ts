export { DeleteAccountSection } from './DeleteAccountSection';
export { GoodbyePage } from './GoodbyePage';
export { YourDataSection } from './YourDataSection';
