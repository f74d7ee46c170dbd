// Moved to tools/emulator (the demo starts a fake CRM); tests keep importing it from here.
export * from "../../tools/emulator/fake-amocrm.js";
