import { webLightTheme, type Theme } from '@fluentui/react-components';

/** Fluent's default fonts have no Thai face: put Thai-capable ones first, with room for Thai vowels. */
export const THAI_FONT_STACK = "'TH Sarabun New', 'Leelawadee UI', Leelawadee, 'Noto Sans Thai', Tahoma, 'Segoe UI', sans-serif";

export const theme: Theme = {
  ...webLightTheme,
  fontFamilyBase: THAI_FONT_STACK,
  lineHeightBase200: '20px',
  lineHeightBase300: '22px',
};
