import "server-only";
import { EARLIEST_STORED_TIME, LATEST_STORED_TIME } from "@/lib/api/admin-schemas";
import type { ChatConversationList } from "@/lib/api/chat-schemas";
import { idSchema } from "@/lib/api/schemas";
import { PREVIEW_LENGTH } from "@/lib/chat/chat-limits";
import type { CreateConversationBody, IngestMessage } from "@/lib/api/conversation-schemas";
import { conversationTitle } from "@/lib/chat/conversation-title";
import type { Actor, UserActor } from "@/server/auth/actor";
import { inTransaction, type Db } from "@/server/db/database";
import { conflict, forbidden, invalidInput, notFound } from "@/server/errors";
import { canSeeConversation } from "./conversation-access";
import {
  CONVERSATION_EXTERNAL_ID,
  MESSAGE_EXTERNAL_ID,
  MESSAGE_POSITION,
  findConversation,
  findConversationByExternalId,
  findLastMessage,
  findMemberUserId,
  findMessagesByExternalId,
  insertConversation,
  insertMessages,
  listConversationsOf,
  lockConversation,
  type ConversationListPosition,
  type StoredConversation,
  type StoredMessage,
} from "./conversation-repository";
import { retryOnUniqueViolation } from "./unique-violation";

/**
 * Who writes and reads conversations: an organization API key (a chat backend ingesting any
 * member's chats) or a signed-in user (their own chats; reviewers and admins may also read the
 * organization's). The same functions serve both.
 */
export interface ConversationServiceContext<A extends Actor = Actor> {
  db: Db;
  actor: A;
  now?: () => Date;
}

/** What creating a conversation takes: `user_email` names its owner for an API key; a user's conversation is their own. */
export type NewConversation = Omit<CreateConversationBody, "user_email"> & { user_email?: string };

export interface AppendOptions {
  /**
   * Store the messages only if this is still the conversation's last message (409
   * `conversation_changed` otherwise): an answer must follow the question it answers.
   */
  after?: string;
}

const USER_NOT_FOUND = "User not found";
const CONVERSATION_NOT_FOUND = "Conversation not found";

const isoNowOf = (ctx: ConversationServiceContext) => (ctx.now ?? (() => new Date()))().toISOString();

function externalIdsOf(messages: IngestMessage[]): string[] {
  return messages.flatMap((message) => (message.external_id ? [message.external_id] : []));
}

function messageExternalIdTaken(externalId: string | null) {
  return conflict(`A message with external_id "${externalId}" already belongs to another conversation`, "message_external_id_conflict");
}

/** The owner of a new conversation: the signed-in user, or the member an API key names. */
async function ownerOf(ctx: ConversationServiceContext, userEmail: string | undefined): Promise<string> {
  if (ctx.actor.kind === "user") return ctx.actor.userId;
  if (!userEmail) throw invalidInput("body.user_email: required with an organization API key");
  // Users of other organizations get the same answer as unknown ones.
  const userId = await findMemberUserId(ctx.db, ctx.actor.organizationId, userEmail.toLowerCase());
  if (!userId) throw notFound(USER_NOT_FOUND);
  return userId;
}

/**
 * Whether the actor may write to a conversation of this owner: an API key to any of its
 * organization's, a user only to their own. A user who may read it but not write gets 403, anyone
 * else the 404 of an unknown conversation.
 */
export function assertMayWrite(actor: Actor, ownerId: string): void {
  if (actor.kind === "api_key" || ownerId === actor.userId) return;
  if (canSeeConversation(actor, ownerId)) throw forbidden("Only the conversation's owner can add messages to it", "not_conversation_owner");
  throw notFound(CONVERSATION_NOT_FOUND);
}

/**
 * Creates a conversation. Idempotent on external_id: a repeat returns the stored conversation
 * untouched (`created: false`), also when two requests race.
 */
export async function createConversation(ctx: ConversationServiceContext, input: NewConversation): Promise<{ conversation: StoredConversation; created: boolean }> {
  const { organizationId } = ctx.actor;
  const now = isoNowOf(ctx);
  const userId = await ownerOf(ctx, input.user_email);
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

/** A conversation with its messages: any of the key's organization, or one the user may see (404 otherwise). */
export async function getConversation(ctx: ConversationServiceContext, conversationId: string): Promise<StoredConversation> {
  const conversation = await findConversation(ctx.db, ctx.actor.organizationId, conversationId);
  if (!conversation || (ctx.actor.kind === "user" && !canSeeConversation(ctx.actor, conversation.userId))) throw notFound(CONVERSATION_NOT_FOUND);
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
  options: AppendOptions = {},
): Promise<{ messages: StoredMessage[]; created: boolean }> {
  const { organizationId } = ctx.actor;
  const now = isoNowOf(ctx);

  // A lost race for a position or an external_id starts over and re-reads what the winner stored.
  return retryOnUniqueViolation([MESSAGE_POSITION, MESSAGE_EXTERNAL_ID], () =>
    inTransaction(ctx.db, async (tx) => {
      const locked = await lockConversation(tx, organizationId, conversationId, now);
      if (!locked) throw notFound(CONVERSATION_NOT_FOUND);
      assertMayWrite(ctx.actor, locked.userId);

      const stored = new Map<string, StoredMessage>();
      for (const message of await findMessagesByExternalId(tx, organizationId, externalIdsOf(messages))) {
        if (message.conversationId !== conversationId) throw messageExternalIdTaken(message.externalId);
        if (message.externalId) stored.set(message.externalId, message);
      }
      const fresh = messages.filter((message) => !message.external_id || !stored.has(message.external_id));
      const last = await findLastMessage(tx, conversationId);
      if (options.after !== undefined && last?.id !== options.after) {
        throw conflict("The conversation got another message first", "conversation_changed");
      }
      const created =
        fresh.length === 0 ? [] : await insertMessages(tx, { organizationId, conversationId, firstPosition: last ? last.position + 1 : 0, messages: fresh, now });

      const newOnes = created.values();
      const items = messages.map((message) => {
        const existing = message.external_id ? stored.get(message.external_id) : undefined;
        return existing ?? (newOnes.next().value as StoredMessage);
      });
      return { messages: items, created: created.length > 0 };
    }),
  );
}

function encodeCursor(position: ConversationListPosition): string {
  return Buffer.from(JSON.stringify([position.updatedAt, position.id])).toString("base64url");
}

/** How our cursors write times (toISOString), on both databases. */
const CURSOR_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/**
 * A cursor is ours only when it holds a time as we write them, in the years the databases store,
 * and an id: a forged one (a year 0, a date PostgreSQL cannot read, a NUL in the id) is a 400, not
 * an error of the query.
 */
function decodeCursor(cursor: string): ConversationListPosition {
  try {
    const [updatedAt, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    const time = typeof updatedAt === "string" && CURSOR_TIME.test(updatedAt) ? Date.parse(updatedAt) : Number.NaN;
    if (time >= EARLIEST_STORED_TIME && time <= LATEST_STORED_TIME && idSchema.safeParse(id).success) return { updatedAt: updatedAt as string, id: id as string };
  } catch {
    // Falls through to the error below.
  }
  const message = "query.before: not a cursor of this list";
  throw invalidInput(message, "validation_error", [{ location: "query", path: "before", message: "not a cursor of this list" }]);
}

/**
 * The user's own conversations — started in the chat or registered for them by a chat backend —
 * newest activity first, a page at a time.
 */
export async function listConversations(
  ctx: ConversationServiceContext<UserActor>,
  page: { limit: number; before?: string },
): Promise<ChatConversationList> {
  const rows = await listConversationsOf(ctx.db, {
    organizationId: ctx.actor.organizationId,
    userId: ctx.actor.userId,
    limit: page.limit,
    after: page.before === undefined ? undefined : decodeCursor(page.before),
    textLength: PREVIEW_LENGTH,
  });
  const items = rows.slice(0, page.limit);
  const lastOnPage = items.at(-1);
  return {
    items: items.map((row) => ({
      id: row.id,
      external_id: row.externalId,
      title: conversationTitle(row.title, row.firstQuestion),
      message_count: row.messageCount,
      last_message:
        row.lastRole && row.lastCreatedAt ? { role: row.lastRole, preview: row.lastPreview ?? "", created_at: row.lastCreatedAt } : null,
      created_at: row.createdAt,
      updated_at: row.updatedAt,
    })),
    next_cursor: rows.length > page.limit && lastOnPage ? encodeCursor(lastOnPage) : null,
  };
}
