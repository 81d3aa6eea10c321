/* pthread.h: mutex, condition variable and attribute functions keep
   nothing (a local mutex does not escape); pthread_join writes the
   thread's result through its argument; pthread_create hands its last
   argument to the new thread.  */

#include <pthread.h>

static void *
worker (void *arg) /* { dg-message "parameter 'arg' leaks to return value" } */
{
  return arg;
}

int
locked_sum (const int *v, /* { dg-message "parameter 'v' does not escape" } */
	    int n)
{
  pthread_mutex_t m; /* { dg-message "address of 'm' does not escape" } */
  pthread_mutexattr_t ma; /* { dg-message "address of 'ma' does not escape" } */
  pthread_cond_t c; /* { dg-message "address of 'c' does not escape" } */
  int s = 0;
  pthread_mutexattr_init (&ma);
  pthread_mutex_init (&m, &ma);
  pthread_cond_init (&c, 0);
  pthread_mutex_lock (&m);
  for (int i = 0; i < n; i++)
    s += v[i];
  pthread_cond_signal (&c);
  pthread_mutex_unlock (&m);
  pthread_cond_destroy (&c);
  pthread_mutex_destroy (&m);
  pthread_mutexattr_destroy (&ma);
  return s;
}

int
run_and_join (void)
{
  pthread_t t; /* { dg-message "address of 't' does not escape" } */
  int data = 1; /* { dg-message "address of 'data' escapes: handed to another thread by 'pthread_create'" } */
  void *res; /* { dg-message "address of 'res' does not escape" } */
  if (pthread_create (&t, 0, worker, &data))
    return -1;
  pthread_join (t, &res);
  return res == &data;
}
