/* driver.c -- times one kernel.

     driver ITERS [REPS]

   Runs kernel_run (ITERS / 10 + 1) once to warm up, then REPS (default 3)
   times kernel_run (ITERS), and prints the checksum, the fastest of the
   REPS in nanoseconds of the thread's CPU time per iteration, the library malloc binds to, and,
   when bench/alloc-counter.so is preloaded, the heap allocations per
   iteration of one kernel_run (ITERS).  */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bench.h"

/* The thread's CPU time: on a shared machine, the time the process waits
   for a core is not the kernel's.  */
static double
now_ns (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e9 + ts.tv_nsec;
}

int
main (int argc, char **argv)
{
  if (argc < 2)
    {
      fprintf (stderr, "usage: %s ITERS [REPS]\n", argv[0]);
      return 2;
    }
  long iters = atol (argv[1]);
  int reps = argc > 2 ? atoi (argv[2]) : 3;
  unsigned long (*count) (void)
    = (unsigned long (*) (void)) dlsym (RTLD_DEFAULT, "bench_alloc_count");

  kernel_init (12345);
  kernel_run (iters / 10 + 1);

  uint64_t checksum = 0;
  double best = 1e300;
  unsigned long allocs = 0;
  for (int r = 0; r < reps; r++)
    {
      unsigned long before = count ? count () : 0;
      double t0 = now_ns ();
      uint64_t c = kernel_run (iters);
      double t1 = now_ns ();
      if (count && r == 0)
	allocs = count () - before;
      if (r > 0 && c != checksum)
	{
	  fprintf (stderr, "%s: checksum differs between repetitions\n",
		   kernel_name);
	  return 1;
	}
      checksum = c;
      if (t1 - t0 < best)
	best = t1 - t0;
    }

  Dl_info info;
  const char *malloc_lib = "?";
  void *m = dlsym (RTLD_DEFAULT, "malloc");
  if (m && dladdr (m, &info) && info.dli_fname)
    malloc_lib = strrchr (info.dli_fname, '/') ? strrchr (info.dli_fname, '/') + 1
					       : info.dli_fname;
  printf ("kernel=%s checksum=%016" PRIx64 " ns_per_iter=%.4f malloc=%s",
	  kernel_name, checksum, best / iters, malloc_lib);
  if (count)
    printf (" allocs_per_iter=%.4f", (double) allocs / iters);
  printf ("\n");
  return 0;
}
