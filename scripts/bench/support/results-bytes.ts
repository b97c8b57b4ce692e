import { TopicRecorder, waitFor } from '@claimflow/testing';

/**
 * The mean value size of the first `n` results on an owner's results topic, read once after the run (recording the
 * results throughout would put a fifth topic's consumer, about as many bytes as the other four, beside the services).
 */
export async function meanResultBytes(brokers: string[], topic: string, groupId: string, n = 100): Promise<number> {
  const recorder = await TopicRecorder.start(brokers, [topic], groupId);
  try {
    await waitFor(() => recorder.messages.length >= n, { description: `${n} results on ${topic}`, timeoutMs: 60_000 });
    const sample = recorder.messages.slice(0, n);
    return sample.reduce((sum, m) => sum + (m.value?.length ?? 0), 0) / sample.length;
  } finally {
    await recorder.stop();
  }
}
