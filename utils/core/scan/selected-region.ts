/** The rectangle the user dragged over a QR code, in CSS pixels of the page's viewport. */
export interface SelectedRegion {
  x: number;
  y: number;
  width: number;
  height: number;
  /** The viewport's width in CSS pixels: the screenshot's width over this is its scale. */
  viewportWidth: number;
}
