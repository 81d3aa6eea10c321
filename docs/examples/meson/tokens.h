int count_tokens (const char *text, char separator);
char *first_token (const char *text, char separator);
