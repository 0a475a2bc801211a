// Types of readme-contract-section.mjs, for the test that checks the README.

export declare const readmePath: string;
/** The README's contract-examples section, markers included, made from the spec. */
export declare const contractSection: () => string;
/** The README text with its contract-examples section replaced. */
export declare const withSection: (readme: string, section: string) => string;
