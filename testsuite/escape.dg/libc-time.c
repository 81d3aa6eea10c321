/* time.h: time, localtime, localtime_r, gmtime_r, mktime, strftime,
   clock_gettime and nanosleep keep none of their arguments; localtime's
   result is libc's static memory, not the argument.  */

#include <time.h>

size_t
now (char *out, /* { dg-message "parameter 'out' does not escape" } */
     size_t size)
{
  time_t t; /* { dg-message "address of 't' does not escape" } */
  struct tm tm; /* { dg-message "address of 'tm' does not escape" } */
  time (&t);
  localtime_r (&t, &tm);
  gmtime_r (&t, &tm);
  t = mktime (&tm);
  return strftime (out, size, "%F", localtime (&t));
}

struct tm *
static_result (void)
{
  time_t t = 0; /* { dg-message "address of 't' does not escape" } */
  return localtime (&t);
}

struct tm *
reentrant_result (struct tm *buf) /* { dg-message "parameter 'buf' leaks to return value" } */
{
  time_t t = 0; /* { dg-message "address of 't' does not escape" } */
  return localtime_r (&t, buf);
}

int
sleep_a_bit (void)
{
  struct timespec req = { 0, 1000 }, rem; /* { dg-message "address of 'req' does not escape" } */
  /* { dg-message "address of 'rem' does not escape" "" { target *-*-* } .-1 } */
  clock_gettime (CLOCK_MONOTONIC, &rem);
  return nanosleep (&req, &rem);
}
