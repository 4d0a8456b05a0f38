// Runs telegram-test-api (a Bot API emulator) on 127.0.0.1:<port> for the Telegram channel's round-trip test.
// NODE_PATH must name the node_modules folder the package was installed into. Prints "ready <port>" once listening,
// and stops when its standard input closes, so the emulator never outlives the test JVM.
const TelegramServer = require('telegram-test-api');

const port = Number(process.argv[2]);
const server = new TelegramServer({ port, host: '127.0.0.1', storeTimeout: 60 });

server.start().then(() => {
  console.log('ready ' + port);
}, (error) => {
  console.error('telegram-test-api failed to start: ' + error);
  process.exit(2);
});

process.stdin.on('end', () => server.stop().finally(() => process.exit(0)));
process.stdin.resume();
