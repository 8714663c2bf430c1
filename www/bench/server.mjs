// The bench's static server, in a process of its own: in the process that drives Chromium,
// its responses would wait on the driver's own work and be timed as helpdex's.
//   node bench/server.mjs '{"mounts": {...}, "gzipHeader": false, "isolated": true}'   → prints the port
import { serve } from '../demo/serve.mjs';

const server = await serve(JSON.parse(process.argv[2]));
console.log(server.address().port);
