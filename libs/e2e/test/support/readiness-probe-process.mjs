// A load balancer's readiness probe as a process of its own: asks `${url}/health/ready` every `intervalMs` (each
// given 10 s) until its parent says 'stop', then sends back every answer's seconds and status. Run apart from the
// test so that its times are what a probe sees, not the lag of a test process that is itself driving a flood.
const [url, intervalMs] = [process.argv[2], Number(process.argv[3] ?? 250)];
const seconds = [];
const statuses = {};
let probing = true;
process.on('message', (message) => {
  if (message === 'stop') probing = false;
});
while (probing) {
  const started = performance.now();
  const res = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(10_000) }).catch(() => undefined);
  await res?.body?.cancel();
  seconds.push((performance.now() - started) / 1000);
  statuses[res?.status ?? 0] = (statuses[res?.status ?? 0] ?? 0) + 1;
  await new Promise((resolve) => setTimeout(resolve, intervalMs));
}
process.send({ seconds, statuses }, () => process.disconnect());
