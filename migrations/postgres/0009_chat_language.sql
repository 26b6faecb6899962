-- The language a chat is spoken to in ('en', 'es', 'ru'): a private chat's is its
-- person's, a group's is the group's choice. NULL until the bot knows it: the next
-- message sets it from the sender's Telegram language.
ALTER TABLE chats ADD COLUMN lang TEXT;
