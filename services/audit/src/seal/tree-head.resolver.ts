import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { IllegalStateError, keyIdOf, NotFoundError, ValidationError, type SignedTreeHead } from '@jixiao/events';
import type { RequestContext, Sealer } from '@jixiao/service-kit';
import { toAuditEvent } from '../history/history.resolver';
import { noteRead } from '../history/record-read';
import {
  ConsistencyProofResult,
  InclusionProofResult,
  SealerKey,
  SealOutcome,
  TreeHead,
  TreeHeadVerification,
} from './tree-head.type';

const signedFields = ({ log, treeSize, rootHash, sealedAt, keyId, signature }: SignedTreeHead): TreeHead => ({
  log,
  treeSize,
  rootHash,
  sealedAt,
  keyId,
  signature,
});

function checkSize(name: string, size: number): void {
  if (size < 0) {
    throw new ValidationError({ zh: `${name} 不能为负数：${size}`, en: `${name} cannot be negative: ${size}` });
  }
}

/**
 * The log's signed tree heads and their proofs (RFC 6962): what lets an auditor who does not trust the
 * database check that an event was recorded and that the history was not rewritten since a head they kept.
 */
@Resolver()
export class TreeHeadResolver {
  constructor(private readonly configured: Sealer | undefined) {}

  private get sealer(): Sealer {
    if (!this.configured) {
      throw new IllegalStateError({
        zh: '本平台未配置日志封存（JIXIAO_SEALER_KEY_FILE），无树头与证明',
        en: 'This platform runs without a log sealer (JIXIAO_SEALER_KEY_FILE): no heads or proofs',
      });
    }
    return this.configured;
  }

  @Query(() => SealerKey, {
    description: '封存者公钥，用于离线核验树头与证明 (The sealer’s public key, to check heads and proofs offline)',
  })
  sealerKey(): SealerKey {
    return {
      keyId: keyIdOf(this.sealer.publicKey),
      publicKeyPem: this.sealer.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    };
  }

  @Query(() => [TreeHead], { description: '已封存的签名树头，最新在前 (Signed tree heads, newest first)' })
  async treeHeads(
    @Arg('limit', () => Int, { defaultValue: 20, description: '最多返回条数，1–500 (at most this many, 1–500)' })
    limit: number,
  ): Promise<TreeHead[]> {
    if (limit < 1 || limit > 500) {
      throw new ValidationError({ zh: `条数须在 1 到 500 之间：${limit}`, en: `limit must be 1 to 500: ${limit}` });
    }
    return (await this.sealer.heads(limit)).map(signedFields);
  }

  @Mutation(() => SealOutcome, { description: '立即封存当前日志 (Seal the log now)' })
  async sealTreeHead(): Promise<SealOutcome> {
    const { head, sealed } = await this.sealer.seal();
    return { head: signedFields(head), sealed };
  }

  @Query(() => InclusionProofResult, {
    description: '事件的包含证明 (Inclusion proof of an event in a head’s tree; the latest head by default)',
  })
  async inclusionProof(
    @Arg('eventId', { description: '事件标识 (event id)' }) eventId: string,
    @Arg('treeSize', () => Int, { nullable: true, description: '树头大小，缺省为最新 (head size; latest by default)' })
    treeSize: number | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<InclusionProofResult> {
    if (treeSize !== undefined && treeSize !== null) checkSize('treeSize', treeSize);
    const p = await this.sealer.proveInclusion(eventId, treeSize ?? undefined);
    if (!p) {
      throw new NotFoundError({
        zh: `事件 ${eventId} 不在${treeSize == null ? '最新' : `大小为 ${treeSize} 的`}树头所覆盖的日志中（或该树头不存在）`,
        en: `Event ${eventId} is not in the ${treeSize == null ? 'latest' : `size-${treeSize}`} head's tree (or there is no such head)`,
      });
    }
    noteRead(ctx, { resource: 'Query.inclusionProof', streamId: p.event.streamId, eventCount: 1 });
    return { head: signedFields(p.head), event: toAuditEvent(p.event), leafIndex: p.leafIndex, proof: p.proof };
  }

  @Query(() => ConsistencyProofResult, {
    description: '两个树头之间的一致性证明 (Consistency proof between two heads)',
  })
  async consistencyProof(
    @Arg('first', () => Int, { description: '前一树头的大小 (the earlier head’s size)' }) first: number,
    @Arg('second', () => Int, { description: '后一树头的大小 (the later head’s size)' }) second: number,
  ): Promise<ConsistencyProofResult> {
    checkSize('first', first);
    if (first > second) {
      throw new ValidationError({
        zh: `前一树头 (${first}) 不能大于后一树头 (${second})`,
        en: `The earlier head (${first}) cannot be larger than the later (${second})`,
      });
    }
    const p = await this.sealer.proveConsistency(first, second);
    if (!p) {
      throw new NotFoundError({
        zh: `没有大小为 ${first} 或 ${second} 的树头`,
        en: `No head of size ${first} or ${second}`,
      });
    }
    return { first: signedFields(p.first), second: signedFields(p.second), proof: p.proof };
  }

  @Query(() => TreeHeadVerification, {
    description:
      '以已封存的树头核验当前日志（缺省为最新）：被改动、删除、插入或调换的事件都会使树根不符 (Check the log against a kept head; any changed, removed, inserted or reordered event it covers changes the root)',
  })
  async verifyTreeHead(
    @Arg('treeSize', () => Int, { nullable: true, description: '树头大小，缺省为最新 (head size; latest by default)' })
    treeSize: number | undefined,
  ): Promise<TreeHeadVerification> {
    if (treeSize !== undefined && treeSize !== null) checkSize('treeSize', treeSize);
    const r = await this.sealer.verifyHead(treeSize ?? undefined);
    if (!r) {
      throw new NotFoundError({
        zh: treeSize == null ? '尚无封存的树头' : `没有大小为 ${treeSize} 的树头`,
        en: treeSize == null ? 'No head has been sealed yet' : `No head of size ${treeSize}`,
      });
    }
    return { head: signedFields(r.head), ok: r.recomputedRoot === r.head.rootHash, recomputedRoot: r.recomputedRoot };
  }
}
