/* Reason "passed to 'f' (argument N), which keeps it" for the libc
   functions that keep a pointer: setvbuf (the buffer, argument 2), setbuf,
   putenv, strtok (the string, kept for the next call) and
   pthread_setspecific (argument 2).  */

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
buffer_setvbuf (FILE *f) /* { dg-message "parameter 'f' does not escape" } */
{
  char buf[BUFSIZ]; /* { dg-message "address of 'buf' escapes: passed to 'setvbuf' (argument 2), which keeps it" } */
  setvbuf (f, buf, _IOFBF, sizeof buf);
}

void
buffer_setbuf (FILE *f) /* { dg-message "parameter 'f' does not escape" } */
{
  char *buf = malloc (BUFSIZ); /* { dg-message "allocation of 8192 bytes escapes: passed to 'setbuf' (argument 2), which keeps it" } */
  setbuf (f, buf);
}

int
environment (void)
{
  char var[] = "NAME=value"; /* { dg-message "address of 'var' escapes: passed to 'putenv' (argument 1), which keeps it" } */
  return putenv (var);
}

char *
tokens (void)
{
  char line[] = "a b c"; /* { dg-message "address of 'line' escapes: passed to 'strtok' (argument 1), which keeps it" } */
  char sep[] = " "; /* { dg-message "address of 'sep' does not escape" } */
  strtok (line, sep);
  return 0;
}

int
thread_specific (pthread_key_t key)
{
  int value = 0; /* { dg-message "address of 'value' escapes: passed to 'pthread_setspecific' (argument 2), which keeps it" } */
  return pthread_setspecific (key, &value);
}
