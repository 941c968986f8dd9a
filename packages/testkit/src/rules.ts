// Every documented request rule of each spec, as one body the rule refuses and one it
// accepts. The provider packages check them against the SDK's validator, the emulator
// against its own (Ajv on the same specs): both must read the specs alike.

export * from "./rules/modelarts.js";
export * from "./rules/res.js";
export * from "./rules/insight.js";
export * from "./rules/fabric.js";
export * from "./rules/truewatch.js";
