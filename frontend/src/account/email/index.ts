/** E-mail address change: the account page's section and the page the mailed link opens. */
export { EmailChangeSection } from './EmailChangeSection';
export { ConfirmEmailChangePage } from './ConfirmEmailChangePage';
