export * from './parse-837';
export * from './x12-result';
export { SegmentReader, type X12Segment, type X12Token } from './segment-reader';
export { LOOP_MAP_837P, type LoopRule } from './loop-map.837p';
export * from './write-837';
export * from './parse-835';
export * from './remit-835.types';
export { IMPLEMENTATION_835 } from './assembler.835';
export * from './ack';
