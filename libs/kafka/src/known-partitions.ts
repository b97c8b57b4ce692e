import { Partitioners, type ICustomPartitioner, type PartitionerArgs } from 'kafkajs';
import { keyPartition } from './key-partition';

/**
 * The partitions of the topics a producer has written, as its own metadata last gave them to its partitioner
 * (kafkajs refreshes it), and the partition a key goes to on each: kafkajs's DefaultPartitioner (the Java client's
 * murmur2 of the key, keyPartition), the one the producer itself uses. Packing (packRecords) asks it, so that every
 * message in a packed record is on the partition it would have had alone.
 */
export class KnownPartitions {
  private readonly metadata = new Map<string, PartitionerArgs['partitionMetadata']>();

  /** The producer's partitioner (ProducerConfig.createPartitioner): the default one's choice, noting each topic's partitions. */
  readonly createPartitioner: ICustomPartitioner = () => {
    const partition = Partitioners.DefaultPartitioner();
    return (args) => {
      this.metadata.set(args.topic, args.partitionMetadata);
      const { partition: given, key } = args.message;
      if (given !== null && given !== undefined) return given;
      // A text key as kafkajs would place it (keyPartition); a Buffer key or none, by kafkajs itself.
      return typeof key === 'string' ? keyPartition(key, args.partitionMetadata.length) : partition(args);
    };
  };

  /** Where a key goes on a physical topic; undefined until the producer has written the topic once. */
  partitionOf(topic: string): (key: string) => number | undefined {
    const partitionMetadata = this.metadata.get(topic);
    if (!partitionMetadata || partitionMetadata.length === 0) return () => undefined;
    const partitions = partitionMetadata.length;
    return (key) => keyPartition(key, partitions);
  }
}
