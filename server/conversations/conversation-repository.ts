import "server-only";
import { sql, type Selectable } from "kysely";
import type { IngestMessage } from "@/lib/api/conversation-schemas";
import type { Queryable, Tx } from "@/server/db/database";
import type { Conversation, Message } from "@/server/db/generated/database";
import { newId } from "@/server/db/ids";
import { linkReplies } from "./reply-links";

const MESSAGE_COLUMNS = ["id", "conversationId", "externalId", "role", "content", "position", "createdAt"] as const satisfies ReadonlyArray<keyof Message>;
const CONVERSATION_COLUMNS = ["id", "externalId", "userId", "title", "createdAt"] as const satisfies ReadonlyArray<keyof Conversation>;

export type StoredMessage = Pick<Selectable<Message>, (typeof MESSAGE_COLUMNS)[number]>;
export type StoredConversation = Pick<Selectable<Conversation>, (typeof CONVERSATION_COLUMNS)[number]> & { messages: StoredMessage[] };

/** The unique constraints concurrent ingestion requests can race on. */
export const CONVERSATION_EXTERNAL_ID = { model: "Conversation", fields: ["organizationId", "externalId"] } as const;
export const MESSAGE_EXTERNAL_ID = { model: "Message", fields: ["organizationId", "externalId"] } as const;
export const MESSAGE_POSITION = { model: "Message", fields: ["conversationId", "position"] } as const;

/** The id of the user with this (lower-case) email, only when they are a member of the organization. */
export async function findMemberUserId(db: Queryable, organizationId: string, email: string): Promise<string | null> {
  const user = await db
    .selectFrom("User as u")
    .innerJoin("Membership as m", "m.userId", "u.id")
    .select("u.id")
    .where("u.email", "=", email)
    .where("m.organizationId", "=", organizationId)
    .executeTakeFirst();
  return user?.id ?? null;
}

async function withMessages(db: Queryable, conversation: Pick<Selectable<Conversation>, (typeof CONVERSATION_COLUMNS)[number]> | undefined): Promise<StoredConversation | null> {
  if (!conversation) return null;
  const messages = await db.selectFrom("Message").select(MESSAGE_COLUMNS).where("conversationId", "=", conversation.id).orderBy("position").execute();
  return { ...conversation, messages };
}

export async function findConversation(db: Queryable, organizationId: string, conversationId: string): Promise<StoredConversation | null> {
  const conversation = await db
    .selectFrom("Conversation")
    .select(CONVERSATION_COLUMNS)
    .where("id", "=", conversationId)
    .where("organizationId", "=", organizationId)
    .executeTakeFirst();
  return withMessages(db, conversation);
}

export async function findConversationByExternalId(db: Queryable, organizationId: string, externalId: string): Promise<StoredConversation | null> {
  const conversation = await db
    .selectFrom("Conversation")
    .select(CONVERSATION_COLUMNS)
    .where("organizationId", "=", organizationId)
    .where("externalId", "=", externalId)
    .executeTakeFirst();
  return withMessages(db, conversation);
}

export async function findMessagesByExternalId(db: Queryable, organizationId: string, externalIds: string[]): Promise<StoredMessage[]> {
  if (externalIds.length === 0) return [];
  return db.selectFrom("Message").select(MESSAGE_COLUMNS).where("organizationId", "=", organizationId).where("externalId", "in", externalIds).execute();
}

/** Creates the conversation and its messages (positions 0, 1, …) in one transaction. */
export async function insertConversation(
  tx: Tx,
  input: { organizationId: string; userId: string; externalId: string | null; title: string | null; messages: IngestMessage[]; now: string },
): Promise<StoredConversation> {
  const conversation = await tx
    .insertInto("Conversation")
    .values({
      id: newId(),
      organizationId: input.organizationId,
      userId: input.userId,
      externalId: input.externalId,
      title: input.title,
      createdAt: input.now,
      updatedAt: input.now,
    })
    .returning(CONVERSATION_COLUMNS)
    .executeTakeFirstOrThrow();
  const messages = await insertMessages(tx, {
    organizationId: input.organizationId,
    conversationId: conversation.id,
    firstPosition: 0,
    messages: input.messages,
    now: input.now,
  });
  return { ...conversation, messages };
}

/**
 * Touches the conversation so its row stays locked until the transaction ends: concurrent appends
 * to one conversation then take turns instead of racing for the same positions (PostgreSQL; SQLite
 * has a single writer anyway). Returns its owner, or null when the organization has no such conversation.
 */
export async function lockConversation(tx: Tx, organizationId: string, conversationId: string, now: string): Promise<{ userId: string } | null> {
  const locked = await tx
    .updateTable("Conversation")
    .set({ updatedAt: now })
    .where("id", "=", conversationId)
    .where("organizationId", "=", organizationId)
    .returning("userId")
    .executeTakeFirst();
  return locked ?? null;
}

/** The conversation's last message (highest position), if it has any. */
export async function findLastMessage(db: Queryable, conversationId: string): Promise<{ id: string; position: number } | null> {
  const last = await db.selectFrom("Message").select(["id", "position"]).where("conversationId", "=", conversationId).orderBy("position", "desc").limit(1).executeTakeFirst();
  return last ?? null;
}

/** The conversation's newest `limit` messages, oldest first. */
export async function findRecentMessages(db: Queryable, conversationId: string, limit: number): Promise<StoredMessage[]> {
  const newestFirst = await db.selectFrom("Message").select(MESSAGE_COLUMNS).where("conversationId", "=", conversationId).orderBy("position", "desc").limit(limit).execute();
  return newestFirst.toReversed();
}

/** The conversation's last user message before `position`: the question an answer placed there replies to. */
async function questionBefore(tx: Tx, conversationId: string, position: number): Promise<string | null> {
  const question = await tx
    .selectFrom("Message")
    .select("id")
    .where("conversationId", "=", conversationId)
    .where("role", "=", "user")
    .where("position", "<", position)
    .orderBy("position", "desc")
    .limit(1)
    .executeTakeFirst();
  return question?.id ?? null;
}

/** Inserts messages at firstPosition, firstPosition + 1, …, each answer linked to its question; returned in that order. */
export async function insertMessages(
  tx: Tx,
  input: { organizationId: string; conversationId: string; firstPosition: number; messages: IngestMessage[]; now: string },
): Promise<StoredMessage[]> {
  if (input.messages.length === 0) return [];
  const needsEarlierQuestion = input.firstPosition > 0 && input.messages[0]!.role !== "user";
  const rows = linkReplies(
    input.messages.map((message, index) => ({
      id: newId(),
      organizationId: input.organizationId,
      conversationId: input.conversationId,
      role: message.role,
      content: message.content,
      externalId: message.external_id ?? null,
      position: input.firstPosition + index,
      createdAt: input.now,
    })),
    needsEarlierQuestion ? await questionBefore(tx, input.conversationId, input.firstPosition) : null,
  );
  const created = await tx.insertInto("Message").values(rows).returning(MESSAGE_COLUMNS).execute();
  // RETURNING does not promise the insertion order.
  return created.sort((a, b) => a.position - b.position);
}

export interface ConversationSummaryRow {
  id: string;
  externalId: string | null;
  title: string | null;
  createdAt: string;
  updatedAt: string;
  /** The first user message's beginning, for naming an untitled conversation. */
  firstQuestion: string | null;
  lastRole: StoredMessage["role"] | null;
  lastPreview: string | null;
  lastCreatedAt: string | null;
  messageCount: number;
}

/** Where a page of the list starts: after this conversation in (updatedAt, id) descending order. */
export interface ConversationListPosition {
  updatedAt: string;
  id: string;
}

/**
 * A page of the user's own conversations, newest activity first (ties by id), each with what a
 * list shows of it. Every per-conversation value is one probe of the (conversationId, position)
 * index; `limit + 1` rows tell the caller whether another page follows.
 */
export async function listConversationsOf(
  db: Queryable,
  input: { organizationId: string; userId: string; limit: number; after?: ConversationListPosition; textLength: number },
): Promise<ConversationSummaryRow[]> {
  const length = sql.lit(input.textLength);
  const rows = await db
    .selectFrom("Conversation as c")
    .select(["c.id", "c.externalId", "c.title", "c.createdAt", "c.updatedAt"])
    .select((eb) => {
      const messages = () => eb.selectFrom("Message as m").whereRef("m.conversationId", "=", "c.id");
      const last = () => messages().orderBy("m.position", "desc").limit(1);
      return [
        messages()
          .select(sql<string>`substr(${sql.ref("m.content")}, 1, ${length})`.as("text"))
          .where("m.role", "=", "user")
          .orderBy("m.position")
          .limit(1)
          .as("firstQuestion"),
        last().select("m.role").as("lastRole"),
        last().select(sql<string>`substr(${sql.ref("m.content")}, 1, ${length})`.as("text")).as("lastPreview"),
        last().select("m.createdAt").as("lastCreatedAt"),
        messages().select((count) => count.fn.countAll<number>().as("count")).as("messageCount"),
      ];
    })
    .where("c.organizationId", "=", input.organizationId)
    .where("c.userId", "=", input.userId)
    .$if(input.after !== undefined, (query) =>
      query.where((eb) =>
        eb.or([eb("c.updatedAt", "<", input.after!.updatedAt), eb.and([eb("c.updatedAt", "=", input.after!.updatedAt), eb("c.id", "<", input.after!.id)])]),
      ),
    )
    .orderBy("c.updatedAt", "desc")
    .orderBy("c.id", "desc")
    .limit(input.limit + 1)
    .execute();
  return rows.map((row) => ({ ...row, messageCount: Number(row.messageCount ?? 0) }));
}
