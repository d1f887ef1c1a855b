// Every endpoint contract the app serves: the OpenAPI document and the API reference page list these.
import { chatEndpoints } from "./chat-endpoints";
import { conversationEndpoints } from "./conversation-endpoints";
import type { Endpoint } from "./endpoint";
import { feedbackEndpoints } from "./feedback-endpoints";

export const allEndpoints: readonly Endpoint[] = [...feedbackEndpoints, ...conversationEndpoints, ...chatEndpoints];
