import type { UserFromGetMe } from "grammy/types";

/** Numeric id of the fake bot; also the part of the token before the colon, as in real tokens. */
export const TEST_BOT_ID = 7_000_000_001;

/** Token the fake Bot API accepts by default. */
export const TEST_BOT_TOKEN = `${TEST_BOT_ID}:AAFakeTokenForTestsOnly_salesControlBot`;

/** What `getMe` answers by default; pass it as `botInfo` to `new Bot()` so grammY skips its own getMe. */
export const TEST_BOT_INFO: UserFromGetMe = {
  id: TEST_BOT_ID,
  is_bot: true,
  first_name: "Sales Control",
  username: "sales_control_bot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};
