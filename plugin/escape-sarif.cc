/* escape-sarif.cc -- writes the notes of a unit as a SARIF 2.1.0 log.

   One run: the tool ("escape", its version, its rules: those the results
   use, in rule order), the invocation (the compiler's command line,
   whether it succeeded), the results in the order given, each of level
   "note" with its rule, message, place (file, line, column; the
   function as a logical location), related locations (the macro
   expansions the place is in, as GCC's "in expansion of macro" notes)
   and, if it has a path, a codeFlow with one threadFlowLocation per
   step.

   Files under the source root are named relative to %SRCROOT%, whose
   absolute file URI the log gives in originalUriBaseIds (GitHub code
   scanning takes the relative path from the repository's top, VS Code's
   SARIF viewer resolves it through originalUriBaseIds); others get an
   absolute file URI.  Columns are in UTF-16 code units (the run's
   columnKind), the unit of VS Code and of GitHub.  Nothing depends on
   the time or the machine but the paths and the command line: the same
   compilation writes the same bytes.  */

#include <stdlib.h>
#include <string.h>

#include "escape-sarif.h"

namespace {

const char schema_uri[] = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/"
			  "errata01/os/schemas/sarif-schema-2.1.0.json";
const char srcroot_id[] = "%SRCROOT%";

/* ---- JSON, indented two spaces a level.  */

struct json
{
  FILE *out;
  int depth;
  bool first;			/* nothing yet in the open object or array */
  bool after_key;		/* a key was written: its value comes */
};

void
json_newline (json *j)
{
  fputc ('\n', j->out);
  for (int i = 0; i < j->depth; i++)
    fputs ("  ", j->out);
}

/* Before a value or a key: the comma and the line break it needs.  */
void
json_next (json *j)
{
  if (j->after_key)
    {
      j->after_key = false;
      return;
    }
  if (!j->first)
    fputc (',', j->out);
  if (j->depth)
    json_newline (j);
  j->first = false;
}

/* The length of the valid UTF-8 sequence at S (of at most N bytes), or 0
   if none starts there.  */
size_t
utf8_length (const unsigned char *s, size_t n)
{
  size_t len = s[0] < 0x80 ? 1 : s[0] >= 0xc2 && s[0] < 0xe0 ? 2
	       : s[0] >= 0xe0 && s[0] < 0xf0 ? 3
	       : s[0] >= 0xf0 && s[0] < 0xf5 ? 4 : 0;
  if (len > n)
    return 0;
  for (size_t i = 1; i < len; i++)
    if ((s[i] & 0xc0) != 0x80)
      return 0;
  /* Overlong forms, UTF-16 surrogates and code points past U+10FFFF.  */
  if ((len == 3 && s[0] == 0xe0 && s[1] < 0xa0)
      || (len == 3 && s[0] == 0xed && s[1] >= 0xa0)
      || (len == 4 && s[0] == 0xf0 && s[1] < 0x90)
      || (len == 4 && s[0] == 0xf4 && s[1] >= 0x90))
    return 0;
  return len;
}

/* S as a JSON string: quotes, backslashes and control characters escaped,
   valid UTF-8 passed through, any other byte written as U+FFFD.  */
void
json_write_string (FILE *out, const char *s)
{
  const unsigned char *p = (const unsigned char *) s;
  size_t n = strlen (s);
  fputc ('"', out);
  while (n)
    {
      size_t len = utf8_length (p, n);
      if (*p == '"' || *p == '\\')
	fprintf (out, "\\%c", *p);
      else if (*p == '\n')
	fputs ("\\n", out);
      else if (*p == '\t')
	fputs ("\\t", out);
      else if (*p < 0x20 || *p == 0x7f)
	fprintf (out, "\\u%04x", *p);
      else if (len)
	fwrite (p, 1, len, out);
      else
	fputs ("\xef\xbf\xbd", out);
      p += len ? len : 1;
      n -= len ? len : 1;
    }
  fputc ('"', out);
}

void
json_string (json *j, const char *s)
{
  json_next (j);
  json_write_string (j->out, s);
}

void
json_int (json *j, long value)
{
  json_next (j);
  fprintf (j->out, "%ld", value);
}

void
json_bool (json *j, bool value)
{
  json_next (j);
  fputs (value ? "true" : "false", j->out);
}

void
json_key (json *j, const char *key)
{
  json_next (j);
  json_write_string (j->out, key);
  fputs (": ", j->out);
  j->after_key = true;
}

/* Opens an object ('{') or an array ('[').  */
void
json_open (json *j, char bracket)
{
  json_next (j);
  fputc (bracket, j->out);
  j->depth++;
  j->first = true;
}

void
json_close (json *j, char bracket)
{
  j->depth--;
  if (!j->first)
    json_newline (j);
  fputc (bracket, j->out);
  j->first = false;
}

/* "KEY": {"text": TEXT}, SARIF's message and multiformatMessageString.  */
void
json_message (json *j, const char *key, const char *text)
{
  json_key (j, key);
  json_open (j, '{');
  json_key (j, "text");
  json_string (j, text);
  json_close (j, '}');
}

/* ---- URIs.  */

/* Appends S to the buffer BUF of *SIZE bytes holding *LEN, growing it.  */
void
append (char **buf, size_t *len, size_t *size, const char *s, size_t n)
{
  if (*len + n + 1 > *size)
    {
      *size = (*len + n + 1) * 2;
      *buf = (char *) realloc (*buf, *size);
      if (!*buf)
	abort ();
    }
  memcpy (*buf + *len, s, n);
  *len += n;
  (*buf)[*len] = '\0';
}

/* PATH made absolute (against ROOT) with "." and ".." resolved as names,
   in a new buffer.  */
char *
normalized_path (const char *path, const char *root)
{
  char *buf = NULL;
  size_t len = 0, size = 0;
  append (&buf, &len, &size, "", 0);
  for (const char *part = path[0] == '/' ? path : root; part;
       part = part == root ? path : NULL)
    for (const char *p = part; *p;)
      {
	const char *end = strchr (p, '/');
	size_t n = end ? (size_t) (end - p) : strlen (p);
	if (n == 2 && !strncmp (p, "..", 2))
	  {
	    while (len && buf[len - 1] != '/')
	      len--;
	    if (len)
	      len--;
	    buf[len] = '\0';
	  }
	else if (n && !(n == 1 && p[0] == '.'))
	  {
	    append (&buf, &len, &size, "/", 1);
	    append (&buf, &len, &size, p, n);
	  }
	p += n + (end != NULL);
      }
  if (!len)
    append (&buf, &len, &size, "/", 1);
  return buf;
}

/* Writes PATH as a URI path: bytes other than letters, digits, "-._~"
   and "/" percent-encoded.  */
void
write_uri_path (FILE *out, const char *path)
{
  for (const unsigned char *p = (const unsigned char *) path; *p; p++)
    if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')
	|| (*p >= '0' && *p <= '9') || strchr ("-._~/", *p))
      fputc (*p, out);
    else
      fprintf (out, "%%%02X", *p);
}

/* "uri": "file:///DIR/" for the directory DIR.  */
void
json_directory_uri (json *j, const char *dir)
{
  char *path = normalized_path (dir, "/");
  json_key (j, "uri");
  json_next (j);
  fputs ("\"file://", j->out);
  write_uri_path (j->out, path);
  fputs (strcmp (path, "/") ? "/\"" : "\"", j->out);
  free (path);
}

/* The artifactLocation of FILE: relative to %SRCROOT% if under ROOT.  */
void
json_artifact_location (json *j, const char *file, const char *root)
{
  char *path = normalized_path (file, root);
  char *base = normalized_path (root, "/");
  size_t n = strlen (base);
  bool under = n > 1 && !strncmp (path, base, n) && path[n] == '/';
  json_key (j, "artifactLocation");
  json_open (j, '{');
  json_key (j, "uri");
  json_next (j);
  fputs (under ? "\"" : "\"file://", j->out);
  write_uri_path (j->out, under ? path + n + 1 : path);
  fputc ('"', j->out);
  if (under)
    {
      json_key (j, "uriBaseId");
      json_string (j, srcroot_id);
    }
  json_close (j, '}');
  free (base);
  free (path);
}

/* ---- The log.  */

/* Opens a location object for PLACE, left open for its caller to add to
   (an id, a message).  */
void
json_location (json *j, const escape_sarif_place &place, const char *root)
{
  json_open (j, '{');
  if (place.file)
    {
      json_key (j, "physicalLocation");
      json_open (j, '{');
      json_artifact_location (j, place.file, root);
      if (place.line > 0)
	{
	  json_key (j, "region");
	  json_open (j, '{');
	  json_key (j, "startLine");
	  json_int (j, place.line);
	  if (place.column > 0)
	    {
	      json_key (j, "startColumn");
	      json_int (j, place.column);
	    }
	  json_close (j, '}');
	}
      json_close (j, '}');
    }
  if (place.function)
    {
      json_key (j, "logicalLocations");
      json_open (j, '[');
      json_open (j, '{');
      json_key (j, "name");
      json_string (j, place.function);
      json_key (j, "kind");
      json_string (j, "function");
      json_close (j, '}');
      json_close (j, ']');
    }
}

void
json_rule (json *j, struct escape_note_kind kind)
{
  char buf[1024];
  json_open (j, '{');
  json_key (j, "id");
  json_string (j, escape_rule_id (kind, buf, sizeof buf));
  json_key (j, "name");
  json_string (j, escape_rule_name (kind, buf, sizeof buf));
  json_message (j, "shortDescription",
		escape_rule_description (kind, buf, sizeof buf));
  escape_rule_explanation (kind, buf, sizeof buf);
  json_message (j, "fullDescription", buf);
  strncat (buf, " docs/notes.md of the escape plugin lists every note.",
	   sizeof buf - strlen (buf) - 1);
  json_message (j, "help", buf);
  json_key (j, "defaultConfiguration");
  json_open (j, '{');
  json_key (j, "level");
  json_string (j, "note");
  json_close (j, '}');
  json_close (j, '}');
}

/* The driver, with the rules the results use; fills RULE_INDEX (by rule
   number: its index among them).  */
void
json_tool (json *j, const escape_sarif_run *run, int *rule_index)
{
  unsigned count = escape_rule_count ();
  for (unsigned i = 0; i < count; i++)
    rule_index[i] = -1;
  for (unsigned i = 0; i < run->n_results; i++)
    rule_index[escape_rule_number (run->results[i].kind)] = 0;
  json_key (j, "tool");
  json_open (j, '{');
  json_key (j, "driver");
  json_open (j, '{');
  json_key (j, "name");
  json_string (j, "escape");
  json_key (j, "version");
  json_string (j, run->tool_version);
  json_key (j, "informationUri");
  json_string (j, run->information_uri);
  json_key (j, "rules");
  json_open (j, '[');
  int used = 0;
  for (unsigned i = 0; i < count; i++)
    if (rule_index[i] == 0)
      {
	rule_index[i] = used++;
	json_rule (j, escape_rule_kind (i));
      }
  json_close (j, ']');
  json_close (j, '}');
  json_close (j, '}');
}

/* ARG, quoted for a POSIX shell if it needs to be.  */
void
write_shell_word (FILE *out, const char *arg)
{
  if (*arg && !arg[strcspn (arg, " \t\n'\"\\$`*?[]{}()<>|&;#~!")])
    {
      fputs (arg, out);
      return;
    }
  fputc ('\'', out);
  for (const char *p = arg; *p; p++)
    if (*p == '\'')
      fputs ("'\\''", out);
    else
      fputc (*p, out);
  fputc ('\'', out);
}

void
json_invocation (json *j, const escape_sarif_run *run)
{
  json_key (j, "invocations");
  json_open (j, '[');
  json_open (j, '{');
  /* The command line, as one string for the viewers: written to a memory
     stream, then escaped as JSON.  */
  char *line = NULL;
  size_t size = 0;
  FILE *mem = open_memstream (&line, &size);
  if (!mem)
    abort ();
  for (unsigned i = 0; i < run->n_arguments; i++)
    {
      if (i)
	fputc (' ', mem);
      write_shell_word (mem, run->arguments[i]);
    }
  fclose (mem);
  json_key (j, "commandLine");
  json_string (j, line);
  free (line);
  json_key (j, "arguments");
  json_open (j, '[');
  for (unsigned i = 0; i < run->n_arguments; i++)
    json_string (j, run->arguments[i]);
  json_close (j, ']');
  json_key (j, "executionSuccessful");
  json_bool (j, run->success);
  json_key (j, "workingDirectory");
  json_open (j, '{');
  json_directory_uri (j, run->srcroot);
  json_close (j, '}');
  json_close (j, '}');
  json_close (j, ']');
}

/* The places that explain the result's, each with its message.  */
void
json_related (json *j, const escape_sarif_result &result, const char *root)
{
  json_key (j, "relatedLocations");
  json_open (j, '[');
  for (unsigned i = 0; i < result.n_related; i++)
    {
      json_location (j, result.related[i].place, root);
      json_key (j, "id");
      json_int (j, i);
      json_message (j, "message", result.related[i].message);
      json_close (j, '}');
    }
  json_close (j, ']');
}

/* The result's path: one codeFlow of one threadFlow.  */
void
json_code_flow (json *j, const escape_sarif_result &result, const char *root)
{
  json_key (j, "codeFlows");
  json_open (j, '[');
  json_open (j, '{');
  json_key (j, "threadFlows");
  json_open (j, '[');
  json_open (j, '{');
  json_key (j, "locations");
  json_open (j, '[');
  for (unsigned i = 0; i < result.n_events; i++)
    {
      const escape_sarif_event &event = result.events[i];
      json_open (j, '{');
      json_key (j, "location");
      json_location (j, event.place, root);
      json_message (j, "message", event.message);
      json_close (j, '}');
      json_key (j, "nestingLevel");
      json_int (j, event.depth);
      json_key (j, "executionOrder");
      json_int (j, i + 1);
      json_close (j, '}');
    }
  json_close (j, ']');
  json_close (j, '}');
  json_close (j, ']');
  json_close (j, '}');
  json_close (j, ']');
}

void
json_result (json *j, const escape_sarif_result &result, int rule_index,
	     const char *root)
{
  char id[128];
  json_open (j, '{');
  json_key (j, "ruleId");
  json_string (j, escape_rule_id (result.kind, id, sizeof id));
  json_key (j, "ruleIndex");
  json_int (j, rule_index);
  json_key (j, "level");
  json_string (j, "note");
  json_message (j, "message", result.message);
  json_key (j, "locations");
  json_open (j, '[');
  json_location (j, result.place, root);
  json_close (j, '}');
  json_close (j, ']');
  if (result.n_related)
    json_related (j, result, root);
  if (result.n_events)
    json_code_flow (j, result, root);
  json_close (j, '}');
}

} // anon namespace

int
escape_sarif_utf16_column (const char *line, size_t length, int byte_column)
{
  const unsigned char *p = (const unsigned char *) line;
  size_t end = byte_column > 1 ? (size_t) byte_column - 1 : 0;
  int units = 0;
  size_t i = 0;
  while (i < end)
    {
      size_t len = i < length ? utf8_length (p + i, length - i) : 0;
      units += len == 4 ? 2 : 1;	/* past U+FFFF: a surrogate pair */
      i += len ? len : 1;
    }
  return units + 1;
}

void
escape_sarif_write (FILE *out, const struct escape_sarif_run *run)
{
  json j = { out, 0, true, false };
  int *rule_index = (int *) malloc (escape_rule_count () * sizeof (int));
  if (!rule_index)
    abort ();
  json_open (&j, '{');
  json_key (&j, "$schema");
  json_string (&j, schema_uri);
  json_key (&j, "version");
  json_string (&j, "2.1.0");
  json_key (&j, "runs");
  json_open (&j, '[');
  json_open (&j, '{');
  json_tool (&j, run, rule_index);
  json_invocation (&j, run);
  json_key (&j, "originalUriBaseIds");
  json_open (&j, '{');
  json_key (&j, srcroot_id);
  json_open (&j, '{');
  json_directory_uri (&j, run->srcroot);
  json_close (&j, '}');
  json_close (&j, '}');
  json_key (&j, "columnKind");
  json_string (&j, "utf16CodeUnits");
  json_key (&j, "results");
  json_open (&j, '[');
  for (unsigned i = 0; i < run->n_results; i++)
    json_result (&j, run->results[i],
		 rule_index[escape_rule_number (run->results[i].kind)],
		 run->srcroot);
  json_close (&j, ']');
  json_close (&j, '}');
  json_close (&j, ']');
  json_close (&j, '}');
  fputc ('\n', out);
  free (rule_index);
}
