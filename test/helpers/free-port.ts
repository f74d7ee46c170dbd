export { freePort } from "../../tools/net/free-port.js";
