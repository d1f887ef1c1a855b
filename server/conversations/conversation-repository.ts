import "server-only";
import type { IngestMessage } from "@/lib/api/conversation-schemas";
import type { Queryable, Tx } from "@/server/db/client";
import type { Prisma } from "@/server/db/generated/sqlite/client";

const messageSelect = {
  id: true,
  conversationId: true,
  externalId: true,
  role: true,
  content: true,
  position: true,
  createdAt: true,
} as const;

const conversationSelect = {
  id: true,
  externalId: true,
  userId: true,
  title: true,
  createdAt: true,
  messages: { select: messageSelect, orderBy: { position: "asc" } },
} as const satisfies Prisma.ConversationSelect;

export type StoredMessage = Prisma.MessageGetPayload<{ select: typeof messageSelect }>;
export type StoredConversation = Prisma.ConversationGetPayload<{ select: typeof conversationSelect }>;

/** The unique constraints concurrent ingestion requests can race on. */
export const CONVERSATION_EXTERNAL_ID = { model: "Conversation", fields: ["organizationId", "externalId"] } as const;
export const MESSAGE_EXTERNAL_ID = { model: "Message", fields: ["organizationId", "externalId"] } as const;
export const MESSAGE_POSITION = { model: "Message", fields: ["conversationId", "position"] } as const;

/** The id of the user with this (lower-case) email, only when they are a member of the organization. */
export async function findMemberUserId(db: Queryable, organizationId: string, email: string): Promise<string | null> {
  const user = await db.user.findFirst({
    where: { email, memberships: { some: { organizationId } } },
    select: { id: true },
  });
  return user?.id ?? null;
}

export function findConversation(db: Queryable, organizationId: string, conversationId: string): Promise<StoredConversation | null> {
  return db.conversation.findFirst({ where: { id: conversationId, organizationId }, select: conversationSelect });
}

export function findConversationByExternalId(db: Queryable, organizationId: string, externalId: string): Promise<StoredConversation | null> {
  return db.conversation.findFirst({ where: { organizationId, externalId }, select: conversationSelect });
}

export async function findMessagesByExternalId(db: Queryable, organizationId: string, externalIds: string[]): Promise<StoredMessage[]> {
  if (externalIds.length === 0) return [];
  return db.message.findMany({ where: { organizationId, externalId: { in: externalIds } }, select: messageSelect });
}

function messageRows(organizationId: string, firstPosition: number, messages: IngestMessage[]) {
  return messages.map((message, index) => ({
    organizationId,
    role: message.role,
    content: message.content,
    externalId: message.external_id ?? null,
    position: firstPosition + index,
  }));
}

/** Creates the conversation and its messages (positions 0, 1, …); Prisma runs the nested write atomically. */
export function insertConversation(
  db: Queryable,
  input: { organizationId: string; userId: string; externalId: string | null; title: string | null; messages: IngestMessage[] },
): Promise<StoredConversation> {
  return db.conversation.create({
    data: {
      organizationId: input.organizationId,
      userId: input.userId,
      externalId: input.externalId,
      title: input.title,
      messages: { createMany: { data: messageRows(input.organizationId, 0, input.messages) } },
    },
    select: conversationSelect,
  });
}

/**
 * Touches the conversation so its row stays locked until the transaction ends: concurrent appends
 * to one conversation then take turns instead of racing for the same positions (PostgreSQL; SQLite
 * has a single writer anyway). False when the organization has no such conversation.
 */
export async function lockConversation(tx: Tx, organizationId: string, conversationId: string, now: Date): Promise<boolean> {
  const { count } = await tx.conversation.updateMany({ where: { id: conversationId, organizationId }, data: { updatedAt: now } });
  return count === 1;
}

export async function nextPosition(tx: Tx, conversationId: string): Promise<number> {
  const last = await tx.message.findFirst({
    where: { conversationId },
    orderBy: { position: "desc" },
    select: { position: true },
  });
  return last ? last.position + 1 : 0;
}

/** Inserts messages at firstPosition, firstPosition + 1, …; returned in that order. */
export async function insertMessages(
  tx: Tx,
  input: { organizationId: string; conversationId: string; firstPosition: number; messages: IngestMessage[] },
): Promise<StoredMessage[]> {
  const rows = messageRows(input.organizationId, input.firstPosition, input.messages).map((row) => ({
    ...row,
    conversationId: input.conversationId,
  }));
  const created = await tx.message.createManyAndReturn({ data: rows, select: messageSelect });
  // RETURNING does not promise the insertion order.
  return created.sort((a, b) => a.position - b.position);
}
