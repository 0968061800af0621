import { Field, Int, ObjectType } from 'type-graphql';
import { AuditEvent } from '../history/history.type';

@ObjectType({
  description:
    '签名树头：某时刻全部事件（按提交顺序）的默克尔树根，由封存者以 Ed25519 签名，并另存于数据库之外 (A signed tree head: the Merkle root over every event in commit order, signed by the sealer and also kept outside the database)',
})
export class TreeHead {
  @Field({ description: '日志名称 (log name)' })
  log!: string;

  @Field(() => Int, { description: '树的大小，即覆盖的事件数 (tree size: events covered)' })
  treeSize!: number;

  @Field({ description: '默克尔树根，十六进制 (Merkle root, hex, RFC 6962)' })
  rootHash!: string;

  @Field({ description: '封存时间 (sealed at, ISO-8601)' })
  sealedAt!: string;

  @Field({ description: '签名公钥标识 (id of the signing key)' })
  keyId!: string;

  @Field({ description: 'Ed25519 签名，Base64 (signature over the head’s text, base64)' })
  signature!: string;
}

@ObjectType({ description: '封存者公钥 (The sealer’s public key)' })
export class SealerKey {
  @Field({ description: '公钥标识 (key id)' })
  keyId!: string;

  @Field({ description: '公钥，PEM 格式 (SPKI PEM)：核验树头签名只需此项 (all a verifier needs)' })
  publicKeyPem!: string;
}

@ObjectType({ description: '封存结果 (The outcome of sealing)' })
export class SealOutcome {
  @Field(() => TreeHead, { description: '最新树头 (the latest head)' })
  head!: TreeHead;

  @Field({ description: '是否新封存；无新事件时为否 (whether a new head was sealed; false when nothing was new)' })
  sealed!: boolean;
}

@ObjectType({
  description: '包含证明：某事件在某树头所覆盖的日志中 (Inclusion proof: an event is in the tree of a head)',
})
export class InclusionProofResult {
  @Field(() => TreeHead, { description: '树头 (the head)' })
  head!: TreeHead;

  @Field(() => AuditEvent, { description: '该事件，原样 (the event as stored)' })
  event!: AuditEvent;

  @Field(() => Int, { description: '叶序号，从 0 起 (leaf index, from 0)' })
  leafIndex!: number;

  @Field(() => [String], { description: '审计路径，十六进制，自叶向根 (audit path, hex, leaf side first)' })
  proof!: string[];
}

@ObjectType({
  description:
    '一致性证明：后一树头的日志原样包含前一树头的日志 (Consistency proof: the later tree extends the earlier one unchanged)',
})
export class ConsistencyProofResult {
  @Field(() => TreeHead, { description: '前一树头 (the earlier head)' })
  first!: TreeHead;

  @Field(() => TreeHead, { description: '后一树头 (the later head)' })
  second!: TreeHead;

  @Field(() => [String], { description: '证明哈希，十六进制 (proof hashes, hex)' })
  proof!: string[];
}

@ObjectType({
  description:
    '以树头核验当前日志：重算其覆盖事件的默克尔树根并比对 (A kept head checked against the log as it is now)',
})
export class TreeHeadVerification {
  @Field(() => TreeHead, { description: '所核验的树头 (the head checked)' })
  head!: TreeHead;

  @Field({ description: '是否一致 (whether the log still gives the head’s root)' })
  ok!: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      '按当前数据重算的树根；日志事件少于树头时为空 (the root recomputed now; null when the log holds fewer events)',
  })
  recomputedRoot!: string | null;
}
