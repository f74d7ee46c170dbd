// Moved to src/emulator (the demo ships the emulator); tests keep importing it from here.
export * from "../../src/emulator/updates.js";
