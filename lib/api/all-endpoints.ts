// Every endpoint contract the app serves: the OpenAPI document and the API reference page list these.
import { accessTokenEndpoints } from "./access-token-endpoints";
import { reviewEndpoints } from "./admin-endpoints";
import { chatEndpoints } from "./chat-endpoints";
import { conversationEndpoints } from "./conversation-endpoints";
import type { Endpoint } from "./endpoint";
import { feedbackEndpoints } from "./feedback-endpoints";
import { feedbackTokenEndpoints } from "./feedback-token-endpoints";
import { goldenExampleEndpoints } from "./golden-example-endpoints";

export const allEndpoints: readonly Endpoint[] = [...feedbackEndpoints, ...conversationEndpoints, ...chatEndpoints, ...reviewEndpoints, ...goldenExampleEndpoints, ...feedbackTokenEndpoints, ...accessTokenEndpoints];
