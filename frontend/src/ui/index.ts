export { Button, type ButtonProps, type ButtonVariant } from './Button';
export { Notice, type NoticeProps, type NoticeTone } from './Notice';
export { Select, TextArea, TextField, type SelectProps, type TextAreaProps, type TextFieldProps } from './fields';
