// Moved to tools/emulator (the demo ships the emulator); tests keep importing it from here.
export * from "../../tools/emulator/formatted-text.js";
