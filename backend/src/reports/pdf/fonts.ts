import { createRequire } from 'node:module';

// Noto Sans SC, whole TTF files shipped in an npm package: PDFs show Chinese text on any machine,
// with no system font. pdfkit embeds only the glyphs a document uses.
const require = createRequire(import.meta.url);
export const fonts = {
  regular: require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
} as const;
