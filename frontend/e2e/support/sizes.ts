/** The two widths every main screen is checked and shot at (the `desktop` and `phone` projects use them too). */
export const DESKTOP = { width: 1280, height: 800 } as const;
export const PHONE = { width: 390, height: 844 } as const;
