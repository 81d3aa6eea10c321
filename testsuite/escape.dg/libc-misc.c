/* More libc calls that keep nothing: math out-parameters (frexp, modf),
   stat, read and write of plain data, poll, sigaction, memcmp, strtod's
   endptr into a local; getline allocates into the caller's pointer.  */

#define _GNU_SOURCE
#include <math.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

double
math_out (double v)
{
  int e; /* { dg-message "address of 'e' does not escape" } */
  double ip; /* { dg-message "address of 'ip' does not escape" } */
  return frexp (v, &e) + modf (v, &ip) + e;
}

long
files (const char *path, /* { dg-message "parameter 'path' does not escape" } */
       int fd)
{
  struct stat st; /* { dg-message "address of 'st' does not escape" } */
  char buf[64]; /* { dg-message "address of 'buf' does not escape" } */
  struct pollfd pfd = { fd, POLLIN, 0 }; /* { dg-message "address of 'pfd' does not escape" } */
  if (stat (path, &st) || poll (&pfd, 1, 0) < 0)
    return -1;
  long n = read (fd, buf, sizeof buf);
  return n + write (fd, buf, n) + memcmp (buf, path, 4);
}

static void
handler (int sig)
{
  (void) sig;
}

int
signals (void)
{
  struct sigaction sa, old; /* { dg-message "address of 'sa' does not escape" } */
  /* { dg-message "address of 'old' does not escape" "" { target *-*-* } .-1 } */
  memset (&sa, 0, sizeof sa);
  sa.sa_handler = handler;
  sigemptyset (&sa.sa_mask);
  return sigaction (SIGINT, &sa, &old);
}

double
parse (void)
{
  char text[] = "1.5 rest"; /* { dg-message "address of 'text' does not escape" } */
  char *end; /* { dg-message "address of 'end' does not escape" } */
  double d = strtod (text, &end);
  return d + (end - text);
}

long
lines (FILE *f) /* { dg-message "parameter 'f' does not escape" } */
{
  char *line = 0; /* { dg-message "address of 'line' does not escape" } */
  size_t cap = 0; /* { dg-message "address of 'cap' does not escape" } */
  long n = getline (&line, &cap, f);
  free (line);
  return n;
}
