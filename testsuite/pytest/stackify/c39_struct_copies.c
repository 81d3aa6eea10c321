/* Structs copied into a moved buffer and back (memcpy and assignment).  */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct point
{
  int x, y;
  char label[8];
};

int
main (void)
{
  struct point pts[3] = { { 1, 2, "a" }, { 3, 4, "b" }, { 5, 6, "c" } };
  struct point *copy = malloc (sizeof pts);
  if (!copy)
    return 1;
  memcpy (copy, pts, sizeof pts);
  for (int i = 0; i < 3; i++)
    {
      copy[i].x *= 10;
      copy[i].label[1] = (char) ('0' + i);
      copy[i].label[2] = 0;
    }
  struct point t = copy[0];
  copy[0] = copy[2];
  copy[2] = t;
  for (int i = 0; i < 3; i++)
    printf ("%s:%d,%d ", copy[i].label, copy[i].x, copy[i].y);
  printf ("| %s:%d\n", pts[0].label, pts[0].x);
  free (copy);
  return 0;
}
