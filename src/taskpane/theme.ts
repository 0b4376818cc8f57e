import { webLightTheme, type Theme } from '@fluentui/react-components';

/**
 * Fluent's default fonts have no Thai face: Thai-capable screen fonts first. TH Sarabun New is for printed
 * documents (the generated sheets use it); on screen it is small for its size and hard to read at pane sizes.
 */
export const THAI_FONT_STACK = "'Leelawadee UI', Leelawadee, 'Noto Sans Thai', 'Noto Sans Thai UI', Tahoma, 'Segoe UI', sans-serif";

/** No text in the pane below 14 px: Thai vowels and tone marks stacked above and below need the size. */
export const theme: Theme = {
  ...webLightTheme,
  fontFamilyBase: THAI_FONT_STACK,
  fontSizeBase100: '14px',
  fontSizeBase200: '14px',
  fontSizeBase300: '15px',
  lineHeightBase100: '20px',
  lineHeightBase200: '22px',
  lineHeightBase300: '24px',
};
