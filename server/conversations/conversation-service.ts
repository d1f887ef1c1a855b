import "server-only";
import type { CreateConversationBody, IngestMessage } from "@/lib/api/conversation-schemas";
import type { ApiKeyActor } from "@/server/auth/actor";
import { inTransaction, type Db } from "@/server/db/database";
import { conflict, notFound } from "@/server/errors";
import {
  CONVERSATION_EXTERNAL_ID,
  MESSAGE_EXTERNAL_ID,
  MESSAGE_POSITION,
  findConversation,
  findConversationByExternalId,
  findMemberUserId,
  findMessagesByExternalId,
  insertConversation,
  insertMessages,
  lockConversation,
  nextPosition,
  type StoredConversation,
  type StoredMessage,
} from "./conversation-repository";
import { retryOnUniqueViolation } from "./unique-violation";

/** Ingestion runs for an organization API key: a chat backend, never an end user. */
export interface ConversationServiceContext {
  db: Db;
  actor: ApiKeyActor;
  now?: () => Date;
}

const USER_NOT_FOUND = "User not found";
const CONVERSATION_NOT_FOUND = "Conversation not found";

function externalIdsOf(messages: IngestMessage[]): string[] {
  return messages.flatMap((message) => (message.external_id ? [message.external_id] : []));
}

function messageExternalIdTaken(externalId: string | null) {
  return conflict(`A message with external_id "${externalId}" already belongs to another conversation`, "message_external_id_conflict");
}

/**
 * Registers a conversation for a member of the key's organization. Idempotent on external_id: a
 * repeat returns the stored conversation untouched (`created: false`), also when two requests race.
 */
export async function createConversation(
  ctx: ConversationServiceContext,
  input: CreateConversationBody,
): Promise<{ conversation: StoredConversation; created: boolean }> {
  const { organizationId } = ctx.actor;
  const now = (ctx.now ?? (() => new Date()))().toISOString();
  // Users of other organizations get the same answer as unknown ones.
  const userId = await findMemberUserId(ctx.db, organizationId, input.user_email.toLowerCase());
  if (!userId) throw notFound(USER_NOT_FOUND);
  const messages = input.messages ?? [];

  return retryOnUniqueViolation([CONVERSATION_EXTERNAL_ID, MESSAGE_EXTERNAL_ID], async () => {
    // Messages first: a concurrent twin commits its conversation and messages together, so once
    // its messages are visible the conversation lookup below finds it and this becomes a replay.
    const [taken] = await findMessagesByExternalId(ctx.db, organizationId, externalIdsOf(messages));
    if (input.external_id) {
      const existing = await findConversationByExternalId(ctx.db, organizationId, input.external_id);
      if (existing) {
        // Handing another user's chat to this one would mix up who may see and rate it.
        if (existing.userId !== userId) {
          throw conflict(`A conversation with external_id "${input.external_id}" belongs to another user`, "conversation_external_id_conflict");
        }
        return { conversation: existing, created: false };
      }
    }
    // Message external ids are unique per organization: a new conversation cannot reuse one.
    if (taken) throw messageExternalIdTaken(taken.externalId);
    const conversation = await inTransaction(ctx.db, (tx) =>
      insertConversation(tx, { organizationId, userId, externalId: input.external_id ?? null, title: input.title ?? null, messages, now }),
    );
    return { conversation, created: true };
  });
}

export async function getConversation(ctx: ConversationServiceContext, conversationId: string): Promise<StoredConversation> {
  const conversation = await findConversation(ctx.db, ctx.actor.organizationId, conversationId);
  if (!conversation) throw notFound(CONVERSATION_NOT_FOUND);
  return conversation;
}

/**
 * Appends messages after the conversation's last one, all or none. Messages whose external_id is
 * already stored in this conversation are returned instead of stored again, so retries are safe.
 * Returns the request's messages in request order; `created` is false when every one already existed.
 */
export async function appendMessages(
  ctx: ConversationServiceContext,
  conversationId: string,
  messages: IngestMessage[],
): Promise<{ messages: StoredMessage[]; created: boolean }> {
  const { organizationId } = ctx.actor;
  const now = (ctx.now ?? (() => new Date()))().toISOString();

  // A lost race for a position or an external_id starts over and re-reads what the winner stored.
  return retryOnUniqueViolation([MESSAGE_POSITION, MESSAGE_EXTERNAL_ID], () =>
    inTransaction(ctx.db, async (tx) => {
      if (!(await lockConversation(tx, organizationId, conversationId, now))) throw notFound(CONVERSATION_NOT_FOUND);

      const stored = new Map<string, StoredMessage>();
      for (const message of await findMessagesByExternalId(tx, organizationId, externalIdsOf(messages))) {
        if (message.conversationId !== conversationId) throw messageExternalIdTaken(message.externalId);
        if (message.externalId) stored.set(message.externalId, message);
      }
      const fresh = messages.filter((message) => !message.external_id || !stored.has(message.external_id));
      const created =
        fresh.length === 0
          ? []
          : await insertMessages(tx, { organizationId, conversationId, firstPosition: await nextPosition(tx, conversationId), messages: fresh, now });

      const newOnes = created.values();
      const items = messages.map((message) => {
        const existing = message.external_id ? stored.get(message.external_id) : undefined;
        return existing ?? (newOnes.next().value as StoredMessage);
      });
      return { messages: items, created: created.length > 0 };
    }),
  );
}
