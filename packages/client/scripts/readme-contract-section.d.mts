// Types of readme-contract-section.mjs, for the test that checks the README.

export declare const readmePath: string;
/** The README's contract-examples section, markers included, made from the spec. */
export declare const contractSection: () => string;
/** The table of createChatClient's methods, markers included, made from the operation layer. */
export declare const methodsSection: () => string;
/** The README text with both generated sections made anew. */
export declare const withSections: (readme: string) => string;
