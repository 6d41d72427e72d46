/** A 1×1 PNG (a common minimal test image), as bytes and as a data URL, for the icon tests. */
export const ONE_PIXEL_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
export const ONE_PIXEL_PNG = `data:image/png;base64,${ONE_PIXEL_BASE64}`;
