/* Reason "handed to another thread by 'pthread_create'": the argument
   given to the new thread escapes, even when the thread function keeps
   nothing; the pthread_t and the attributes do not.  */

#include <pthread.h>

static void *
run (void *arg) /* { dg-message "parameter 'arg' does not escape" } */
{
  (void) arg;
  return 0;
}

int
start (void)
{
  pthread_t t; /* { dg-message "address of 't' does not escape" } */
  pthread_attr_t attr; /* { dg-message "address of 'attr' does not escape" } */
  int shared = 0; /* { dg-message "address of 'shared' escapes: handed to another thread by 'pthread_create'" } */
  pthread_attr_init (&attr);
  return pthread_create (&t, &attr, run, &shared);
}

int
start_heap (void)
{
  pthread_t t; /* { dg-message "address of 't' does not escape" } */
  int *shared = __builtin_malloc (sizeof *shared); /* { dg-message "allocation of 4 bytes escapes: handed to another thread by 'pthread_create'" } */
  return pthread_create (&t, 0, run, shared);
}
