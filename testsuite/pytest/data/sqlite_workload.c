/* A deterministic SQLite workload for test_sqlite.py: builds an in-memory
   database with a seeded PRNG, runs a mix of queries and prints their
   results; the output of a build with the plugin's stackify must be
   byte-identical to the output of a build without it.

   Small results are printed row by row; large ones as their row count,
   their first rows and an FNV-1a hash of all their text.  A running hash
   of every result is printed at the end.  Any SQLite error is fatal
   (exit 1).

   SQLite itself allocates through sqlite3_malloc, whose malloc escapes (it
   is returned), so stackify moves nothing there; the two small heap
   buffers of query_n do not escape and are for stackify to move.

   Build:  gcc -O2 -DSQLITE_THREADSAFE=0 -DSQLITE_OMIT_LOAD_EXTENSION \
             sqlite3.c sqlite_workload.c -lm  */

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sqlite3.h"

static sqlite3 *db;
static uint64_t total_hash = 1469598103934665603ULL;
static long total_rows;

/* ---- a deterministic PRNG (xorshift64*), seeded below */

static uint64_t rng_state = 88172645463325252ULL;

static uint64_t
rng (void)
{
  rng_state ^= rng_state >> 12;
  rng_state ^= rng_state << 25;
  rng_state ^= rng_state >> 27;
  return rng_state * 2685821657736338717ULL;
}

static int
rng_int (int lo, int hi)
{
  return lo + (int) (rng () % (uint64_t) (hi - lo + 1));
}

static const char *const syllables[] = {
  "ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "an",
  "bel", "cor", "dun", "fra", "gil", "hom", "ist", "jor", "kel", "lum",
};

static void
rng_word (char *buf, int syll)
{
  buf[0] = 0;
  for (int i = 0; i < syll; i++)
    strcat (buf, syllables[rng () % (sizeof syllables / sizeof *syllables)]);
}

/* ---- hashing and printing */

static uint64_t
fnv (uint64_t h, const void *data, size_t n)
{
  const unsigned char *p = data;
  for (size_t i = 0; i < n; i++)
    {
      h ^= p[i];
      h *= 1099511628211ULL;
    }
  return h;
}

static void
die (const char *what)
{
  printf ("ERROR in %s: %s\n", what, sqlite3_errmsg (db));
  fflush (stdout);
  exit (1);
}

static void
check (int rc, const char *what)
{
  if (rc != SQLITE_OK && rc != SQLITE_ROW && rc != SQLITE_DONE)
    die (what);
}

/* Runs every statement of SQL; prints the rows of those that return any.
   With SHOW >= 0 only the first SHOW rows of each are printed, then its
   row count and hash; with SHOW < 0 every row is.  */
static void
query_n (const char *label, int show, const char *sql)
{
  const char *tail = sql;
  printf ("== %s\n", label);
  while (tail && *tail)
    {
      sqlite3_stmt *st;
      check (sqlite3_prepare_v2 (db, tail, -1, &st, &tail), label);
      if (!st)
	break;			/* only white space or a comment was left */
      uint64_t h = 1469598103934665603ULL;
      long rows = 0;
      int rc;
      int ncol = sqlite3_column_count (st);
      int before = sqlite3_total_changes (db);
      while ((rc = sqlite3_step (st)) == SQLITE_ROW)
	{
	  char line[4096];
	  size_t len = 0;
	  line[0] = 0;
	  for (int i = 0; i < ncol; i++)
	    {
	      const char *text;
	      if (sqlite3_column_type (st, i) == SQLITE_BLOB)
		{
		  /* A small heap buffer that does not escape.  */
		  char *buf = malloc (64);
		  if (!buf)
		    abort ();
		  snprintf (buf, 64, "<blob %d>", sqlite3_column_bytes (st, i));
		  len += snprintf (line + len, len < sizeof line
				   ? sizeof line - len : 0, "%s%s",
				   i ? "|" : "", buf);
		  free (buf);
		  if (len >= sizeof line)
		    len = sizeof line - 1;
		  continue;
		}
	      if (sqlite3_column_type (st, i) == SQLITE_NULL)
		text = "NULL";
	      else
		text = (const char *) sqlite3_column_text (st, i);
	      len += snprintf (line + len, len < sizeof line
			       ? sizeof line - len : 0, "%s%s",
			       i ? "|" : "", text);
	      if (len >= sizeof line)
		len = sizeof line - 1;
	    }
	  h = fnv (h, line, strlen (line));
	  h = fnv (h, "\n", 1);
	  total_hash = fnv (total_hash, line, strlen (line));
	  total_hash = fnv (total_hash, "\n", 1);
	  if (show < 0 || rows < show)
	    printf ("  %s\n", line);
	  rows++;
	}
      if (rc != SQLITE_DONE)
	die (label);
      total_rows += rows;
      /* Another small heap buffer that does not escape.  */
      char *summary = calloc (1, 80);
      if (!summary)
	abort ();
      if (ncol > 0)
	snprintf (summary, 80, "  -- %ld rows, hash %016llx", rows,
		  (unsigned long long) h);
      else
	snprintf (summary, 80, "  -- ok, %d changes",
		  sqlite3_total_changes (db) - before);
      puts (summary);
      free (summary);
      sqlite3_finalize (st);
    }
}

static void
query (const char *label, const char *sql)
{
  query_n (label, -1, sql);
}

static void
exec (const char *sql)
{
  char *err = 0;
  if (sqlite3_exec (db, sql, 0, 0, &err) != SQLITE_OK)
    {
      printf ("ERROR in exec: %s\n  %s\n", err ? err : "?", sql);
      exit (1);
    }
}

/* ---- the data */

/* -DWORKLOAD_SCALE=N makes the three large tables N times larger (a
   longer run for bench/prof.py); the tests use the default.  */
#ifndef WORKLOAD_SCALE
#define WORKLOAD_SCALE 1
#endif
enum { N_CUSTOMERS = 1500 * WORKLOAD_SCALE, N_PRODUCTS = 300,
       N_ORDERS = 8000 * WORKLOAD_SCALE, N_CATEGORIES = 60,
       N_EVENTS = 2000 * WORKLOAD_SCALE };

static const char *const cities[] = {
  "Amsterdam", "Berlin", "Cairo", "Dakar", "Edinburgh", "Florence",
  "Geneva", "Hanoi", "Istanbul", "Jakarta", "Kyoto", "Lima",
};

static void
schema (void)
{
  query ("schema",
	 "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL,"
	 "  city TEXT, age INTEGER, score REAL, joined TEXT);"
	 "CREATE TABLE categories (id INTEGER PRIMARY KEY, parent INTEGER"
	 "  REFERENCES categories(id), name TEXT UNIQUE);"
	 "CREATE TABLE products (id INTEGER PRIMARY KEY, name TEXT,"
	 "  category INTEGER REFERENCES categories(id), price REAL,"
	 "  tags TEXT);"
	 "CREATE TABLE orders (id INTEGER PRIMARY KEY, customer INTEGER,"
	 "  product INTEGER, qty INTEGER, day TEXT, note TEXT);"
	 "CREATE TABLE events (id INTEGER PRIMARY KEY, payload TEXT);"
	 "CREATE TABLE audit (id INTEGER PRIMARY KEY AUTOINCREMENT,"
	 "  what TEXT, at INTEGER);"
	 "CREATE TABLE kv (k TEXT PRIMARY KEY, v INTEGER) WITHOUT ROWID;"
	 "CREATE TRIGGER orders_del AFTER DELETE ON orders BEGIN"
	 "  INSERT INTO audit (what, at) VALUES"
	 "    ('deleted order ' || old.id, old.customer);"
	 "END;"
	 "CREATE VIEW order_totals AS"
	 "  SELECT o.id, o.customer, o.qty * p.price AS total"
	 "  FROM orders o JOIN products p ON p.id = o.product;");
}

static void
populate (void)
{
  sqlite3_stmt *st;
  char name[64], note[128];

  exec ("BEGIN");

  /* A category tree: a few roots, then children of earlier ones.  */
  check (sqlite3_prepare_v2 (db, "INSERT INTO categories VALUES (?, ?, ?)",
			     -1, &st, 0), "prepare categories");
  for (int i = 1; i <= N_CATEGORIES; i++)
    {
      sqlite3_bind_int (st, 1, i);
      if (i <= 4)
	sqlite3_bind_null (st, 2);
      else
	sqlite3_bind_int (st, 2, rng_int (1, i - 1));
      rng_word (name, 2);
      snprintf (note, sizeof note, "%s-%d", name, i);
      sqlite3_bind_text (st, 3, note, -1, SQLITE_TRANSIENT);
      check (sqlite3_step (st), "insert category");
      sqlite3_reset (st);
    }
  sqlite3_finalize (st);

  check (sqlite3_prepare_v2 (db, "INSERT INTO customers VALUES"
			     " (?, ?, ?, ?, ?, ?)", -1, &st, 0),
	 "prepare customers");
  for (int i = 1; i <= N_CUSTOMERS; i++)
    {
      sqlite3_bind_int (st, 1, i);
      rng_word (name, rng_int (2, 4));
      name[0] -= 'a' - 'A';
      sqlite3_bind_text (st, 2, name, -1, SQLITE_TRANSIENT);
      if (rng () % 50 == 0)
	sqlite3_bind_null (st, 3);
      else
	sqlite3_bind_text (st, 3, cities[rng () % 12], -1, SQLITE_STATIC);
      sqlite3_bind_int (st, 4, rng_int (18, 90));
      sqlite3_bind_double (st, 5, rng_int (0, 100000) / 1000.0);
      snprintf (note, sizeof note, "20%02d-%02d-%02d", rng_int (10, 24),
		rng_int (1, 12), rng_int (1, 28));
      sqlite3_bind_text (st, 6, note, -1, SQLITE_TRANSIENT);
      check (sqlite3_step (st), "insert customer");
      sqlite3_reset (st);
    }
  sqlite3_finalize (st);

  check (sqlite3_prepare_v2 (db, "INSERT INTO products VALUES"
			     " (?, ?, ?, ?, ?)", -1, &st, 0),
	 "prepare products");
  for (int i = 1; i <= N_PRODUCTS; i++)
    {
      char tags[256];
      sqlite3_bind_int (st, 1, i);
      rng_word (name, rng_int (1, 3));
      sqlite3_bind_text (st, 2, name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (st, 3, rng_int (1, N_CATEGORIES));
      sqlite3_bind_double (st, 4, rng_int (99, 99999) / 100.0);
      /* A JSON array of a few tags.  */
      int n = rng_int (0, 4);
      strcpy (tags, "[");
      for (int t = 0; t < n; t++)
	{
	  rng_word (name, 1);
	  strcat (tags, t ? ",\"" : "\"");
	  strcat (tags, name);
	  strcat (tags, "\"");
	}
      strcat (tags, "]");
      sqlite3_bind_text (st, 5, tags, -1, SQLITE_TRANSIENT);
      check (sqlite3_step (st), "insert product");
      sqlite3_reset (st);
    }
  sqlite3_finalize (st);

  check (sqlite3_prepare_v2 (db, "INSERT INTO orders VALUES"
			     " (NULL, ?, ?, ?, ?, ?)", -1, &st, 0),
	 "prepare orders");
  for (int i = 1; i <= N_ORDERS; i++)
    {
      /* Skewed: low customer ids order more.  */
      int c = rng_int (1, N_CUSTOMERS);
      if (rng () % 3 == 0)
	c = rng_int (1, 50);
      sqlite3_bind_int (st, 1, c);
      sqlite3_bind_int (st, 2, rng_int (1, N_PRODUCTS));
      sqlite3_bind_int (st, 3, rng_int (1, 12));
      snprintf (note, sizeof note, "2024-%02d-%02d", rng_int (1, 12),
		rng_int (1, 28));
      sqlite3_bind_text (st, 4, note, -1, SQLITE_TRANSIENT);
      if (rng () % 4 == 0)
	{
	  rng_word (name, rng_int (3, 6));
	  snprintf (note, sizeof note, "gift for %s, wrap %s", name,
		    rng () % 2 ? "blue" : "red");
	  sqlite3_bind_text (st, 5, note, -1, SQLITE_TRANSIENT);
	}
      else
	sqlite3_bind_null (st, 5);
      check (sqlite3_step (st), "insert order");
      sqlite3_reset (st);
    }
  sqlite3_finalize (st);

  check (sqlite3_prepare_v2 (db, "INSERT INTO events (payload) VALUES"
			     " (json_object('kind', ?1, 'user', ?2,"
			     " 'value', ?3, 'labels', json(?4)))",
			     -1, &st, 0), "prepare events");
  for (int i = 1; i <= N_EVENTS; i++)
    {
      static const char *const kinds[] = { "click", "view", "buy", "share" };
      char labels[128];
      sqlite3_bind_text (st, 1, kinds[rng () % 4], -1, SQLITE_STATIC);
      sqlite3_bind_int (st, 2, rng_int (1, N_CUSTOMERS));
      sqlite3_bind_double (st, 3, rng_int (-5000, 5000) / 16.0);
      snprintf (labels, sizeof labels, "{\"a\":%d,\"b\":[%d,%d]}",
		rng_int (0, 9), rng_int (0, 99), rng_int (0, 99));
      sqlite3_bind_text (st, 4, labels, -1, SQLITE_TRANSIENT);
      check (sqlite3_step (st), "insert event");
      sqlite3_reset (st);
    }
  sqlite3_finalize (st);

  exec ("COMMIT");
  query ("counts",
	 "SELECT (SELECT count(*) FROM customers), (SELECT count(*) FROM"
	 " products), (SELECT count(*) FROM orders), (SELECT count(*) FROM"
	 " categories), (SELECT count(*) FROM events)");
}

static void
indexes (void)
{
  query ("indexes",
	 "CREATE INDEX orders_customer ON orders(customer);"
	 "CREATE INDEX orders_product_day ON orders(product, day);"
	 "CREATE INDEX customers_city_age ON customers(city, age DESC);"
	 "CREATE INDEX products_lower_name ON products(lower(name));"
	 "CREATE INDEX events_kind ON events(json_extract(payload, '$.kind'));"
	 "ANALYZE;");
  query ("plan", "SELECT count(*) > 0 FROM sqlite_stat1");
}

static void
selects (void)
{
  query ("join group order",
	 "SELECT c.city, count(*) AS n, sum(o.qty) AS items,"
	 "  printf('%.2f', sum(o.qty * p.price)) AS revenue,"
	 "  printf('%.3f', avg(p.price)) AS avg_price,"
	 "  min(o.day), max(o.day)"
	 " FROM orders o JOIN customers c ON c.id = o.customer"
	 " JOIN products p ON p.id = o.product"
	 " GROUP BY c.city ORDER BY revenue DESC, c.city");

  query ("top customers",
	 "SELECT c.id, c.name, count(o.id) AS n,"
	 "  printf('%.2f', total(o.qty * p.price)) AS spent"
	 " FROM customers c LEFT JOIN orders o ON o.customer = c.id"
	 " LEFT JOIN products p ON p.id = o.product"
	 " GROUP BY c.id HAVING n >= 20 ORDER BY n DESC, c.id LIMIT 25");

  query ("like and glob",
	 "SELECT name, city, age FROM customers"
	 " WHERE name LIKE 'Ka%lo%' OR name GLOB '*[xz]e' ORDER BY name, id");

  query ("like count", "SELECT count(*), count(DISTINCT city) FROM customers"
	 " WHERE name LIKE '%an%' AND city NOT LIKE 'K%'");

  query ("notes",
	 "SELECT count(*), count(note), sum(note LIKE '%blue'),"
	 "  sum(instr(note, 'kaka') > 0), max(length(note))"
	 " FROM orders");

  query ("aggregates",
	 "SELECT count(*), sum(age), printf('%.4f', avg(age)), min(score),"
	 "  max(score), printf('%.4f', total(score)),"
	 "  group_concat(DISTINCT substr(joined, 1, 4))"
	 " FROM customers");

  query ("categories by price",
	 "SELECT cat.name, count(p.id),"
	 "  printf('%.2f', avg(p.price)), printf('%.2f', max(p.price))"
	 " FROM categories cat LEFT JOIN products p ON p.category = cat.id"
	 " GROUP BY cat.id ORDER BY count(p.id) DESC, cat.name LIMIT 15");

  query ("subquery",
	 "SELECT p.id, p.name, p.price FROM products p"
	 " WHERE p.price > (SELECT avg(price) * 1.9 FROM products)"
	 "  AND EXISTS (SELECT 1 FROM orders o WHERE o.product = p.id"
	 "              AND o.qty >= 11)"
	 " ORDER BY p.price DESC, p.id");

  query ("in and between",
	 "SELECT count(*) FROM orders WHERE product IN"
	 " (SELECT id FROM products WHERE lower(name) BETWEEN 'ka' AND 'mi')"
	 " AND day BETWEEN '2024-03-01' AND '2024-06-30'");

  query ("case and compound",
	 "SELECT CASE WHEN age < 30 THEN 'young' WHEN age < 60 THEN 'middle'"
	 "  ELSE 'old' END AS band, count(*) FROM customers GROUP BY band"
	 " UNION ALL SELECT 'total', count(*) FROM customers"
	 " ORDER BY 1");

  query ("set operations",
	 "SELECT count(*) FROM (SELECT customer FROM orders WHERE qty > 10"
	 " INTERSECT SELECT id FROM customers WHERE age > 50);"
	 "SELECT count(*) FROM (SELECT id FROM customers EXCEPT"
	 " SELECT customer FROM orders)");

  query ("window functions",
	 "SELECT city, name, score, rnk FROM ("
	 "  SELECT city, name, score,"
	 "    rank() OVER (PARTITION BY city ORDER BY score DESC, id) AS rnk"
	 "  FROM customers WHERE city IS NOT NULL)"
	 " WHERE rnk <= 2 ORDER BY city, rnk");

  query ("running total",
	 "SELECT day, n, sum(n) OVER (ORDER BY day ROWS UNBOUNDED PRECEDING),"
	 "  printf('%.2f', avg(n) OVER (ORDER BY day ROWS BETWEEN 3 PRECEDING"
	 "    AND CURRENT ROW))"
	 " FROM (SELECT substr(day, 1, 7) AS day, count(*) AS n FROM orders"
	 "       GROUP BY 1) ORDER BY day");

  query ("view", "SELECT count(*), printf('%.2f', sum(total)),"
	 " printf('%.2f', max(total)) FROM order_totals");

  query ("string functions",
	 "SELECT upper(name), lower(city), replace(name, 'a', '@'),"
	 "  substr(name, 2, 3), length(name), hex(name), trim('  x ' || name),"
	 "  quote(city), unicode(name), char(65 + id % 26), format('%5d|%-6s|',"
	 "  id, substr(name, 1, 4)), ltrim(name, 'K'), instr(name, 'o')"
	 " FROM customers WHERE id % 97 = 0 ORDER BY id");

  query ("numbers",
	 "SELECT abs(-7), round(2.5), round(-3.14159, 3), 7 / 2, 7 % 3,"
	 "  7.0 / 2, typeof(1), typeof(1.5), typeof('x'), typeof(NULL),"
	 "  typeof(x'00'), cast('12abc' AS INTEGER), cast(3.99 AS INTEGER),"
	 "  1e300 * 1e10, -0.0, 9223372036854775807 + 0,"
	 "  coalesce(NULL, NULL, 3), nullif(4, 4), iif(1 < 2, 'y', 'n'),"
	 "  max(1, 5, 3), min('b', 'a'), zeroblob(3), randomblob(0) IS NULL");

  query ("date functions",
	 "SELECT date('2024-02-28', '+1 day'), date('2023-02-28', '+1 day'),"
	 "  strftime('%Y/%j/%w', '2024-12-31'), julianday('2000-01-01'),"
	 "  datetime(1700000000, 'unixepoch'), time('12:34:56', '+90 minutes'),"
	 "  date('2024-01-31', '+1 month'), strftime('%s', '2024-06-01')");

  query_n ("big result", 5,
	   "SELECT o.id, c.name, p.name, o.qty, o.day, coalesce(o.note, '-')"
	   " FROM orders o JOIN customers c ON c.id = o.customer"
	   " JOIN products p ON p.id = o.product ORDER BY o.day, o.id");

  query_n ("distinct order", 10,
	   "SELECT DISTINCT customer, product FROM orders"
	   " ORDER BY product DESC, customer");
}

static void
json (void)
{
  query ("json_object and json_extract",
	 "SELECT json_object('id', id, 'name', name, 'city', city,"
	 "  'age', age, 'tags', json_array(age % 3, age % 5))"
	 " FROM customers WHERE id <= 8 ORDER BY id;"
	 "SELECT json_extract(payload, '$.kind'), count(*),"
	 "  printf('%.4f', sum(json_extract(payload, '$.value'))),"
	 "  max(payload ->> '$.labels.b[1]')"
	 " FROM events GROUP BY 1 ORDER BY 1");

  query ("json_each",
	 "SELECT j.value, count(*) FROM products p, json_each(p.tags) j"
	 " GROUP BY j.value ORDER BY count(*) DESC, j.value LIMIT 12;"
	 "SELECT key, value, type FROM json_each("
	 " '{\"a\":1,\"b\":[1,2,{\"c\":null}],\"d\":\"x\",\"e\":2.5,"
	 "\"f\":true}');"
	 "SELECT fullkey, atom FROM json_tree('{\"x\":{\"y\":[10,20]}}')"
	 " WHERE atom IS NOT NULL");

  query ("json_group_array",
	 "SELECT c.city, json_group_array(c.id) FROM customers c"
	 " WHERE c.id % 50 = 0 GROUP BY c.city ORDER BY c.city;"
	 "SELECT json_group_object(name, price) FROM ("
	 " SELECT name, price FROM products ORDER BY id LIMIT 6)");

  query ("json functions",
	 "SELECT json_array_length(tags), count(*) FROM products"
	 " GROUP BY 1 ORDER BY 1;"
	 "SELECT json_set('{\"a\":1}', '$.b', json('[2,3]'), '$.a', 9),"
	 "  json_remove('[0,1,2,3]', '$[1]'), json_insert('{}', '$.z', 'q'),"
	 "  json_replace('{\"a\":1}', '$.a', 'one'), json_type('[1]'),"
	 "  json_valid('{\"bad\"'), json_patch('{\"a\":1,\"b\":2}',"
	 "  '{\"b\":null,\"c\":3}'), json_quote('he said \"hi\"'),"
	 "  json('  [1, 2.50, \"\\u0041\"]  ')");

  query_n ("json rows", 4,
	   "SELECT id, json_object('user', payload -> '$.user', 'x',"
	   " json_extract(payload, '$.labels.a') * 2) FROM events ORDER BY id");
}

static void
recursive (void)
{
  query ("series",
	 "WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s"
	 "  WHERE n < 1000)"
	 " SELECT count(*), sum(n), sum(n * n), max(n) FROM s;"
	 "WITH RECURSIVE fib(i, a, b) AS (SELECT 0, 0, 1 UNION ALL"
	 "  SELECT i + 1, b, a + b FROM fib WHERE i < 60)"
	 " SELECT i, a FROM fib WHERE i % 10 = 0;"
	 "WITH RECURSIVE collatz(n, steps) AS (SELECT 27, 0 UNION ALL"
	 "  SELECT CASE WHEN n % 2 THEN 3 * n + 1 ELSE n / 2 END, steps + 1"
	 "  FROM collatz WHERE n > 1)"
	 " SELECT max(steps), max(n) FROM collatz");

  query ("tree walk",
	 "WITH RECURSIVE tree(id, depth, path) AS ("
	 "  SELECT id, 0, name FROM categories WHERE parent IS NULL"
	 "  UNION ALL"
	 "  SELECT c.id, t.depth + 1, t.path || '/' || c.name"
	 "  FROM categories c JOIN tree t ON c.parent = t.id"
	 "  ORDER BY 2 DESC)"
	 " SELECT depth, id, path FROM tree ORDER BY path");

  query ("subtree sizes",
	 "WITH RECURSIVE anc(id, root) AS ("
	 "  SELECT id, id FROM categories UNION ALL"
	 "  SELECT c.id, a.root FROM categories c JOIN anc a"
	 "  ON c.parent = a.id)"
	 " SELECT a.root, count(*) AS size, count(p.id)"
	 " FROM anc a LEFT JOIN products p ON p.category = a.id"
	 " GROUP BY a.root ORDER BY size DESC, a.root LIMIT 10");

  query ("mandelbrot",
	 "WITH RECURSIVE"
	 "  xaxis(x) AS (VALUES(-2.0) UNION ALL SELECT x + 0.1 FROM xaxis"
	 "    WHERE x < 1.2),"
	 "  yaxis(y) AS (VALUES(-1.0) UNION ALL SELECT y + 0.2 FROM yaxis"
	 "    WHERE y < 1.0),"
	 "  m(iter, cx, cy, x, y) AS ("
	 "    SELECT 0, x, y, 0.0, 0.0 FROM xaxis, yaxis"
	 "    UNION ALL"
	 "    SELECT iter + 1, cx, cy, x * x - y * y + cx, 2.0 * x * y + cy"
	 "    FROM m WHERE (x * x + y * y) < 4.0 AND iter < 28),"
	 "  m2(iter, cx, cy) AS (SELECT max(iter), cx, cy FROM m"
	 "    GROUP BY cx, cy),"
	 "  a(t) AS (SELECT group_concat(substr(' .+*#', 1 + min(iter / 7, 4),"
	 "    1), '') FROM m2 GROUP BY cy)"
	 " SELECT group_concat(rtrim(t), x'0a') FROM a");
}

static void
changes (void)
{
  query ("update",
	 "UPDATE products SET price = round(price * 1.1, 2)"
	 " WHERE category IN (SELECT id FROM categories WHERE parent IS NULL);"
	 "UPDATE customers SET score = score + 1, city = upper(city)"
	 " WHERE age BETWEEN 40 AND 45;"
	 "SELECT count(*), printf('%.2f', sum(price)) FROM products;"
	 "SELECT city, count(*) FROM customers WHERE city = upper(city)"
	 " GROUP BY city ORDER BY city");

  query ("upsert",
	 "INSERT INTO kv SELECT city, count(*) FROM customers"
	 " WHERE city IS NOT NULL GROUP BY city;"
	 "INSERT INTO kv VALUES ('Berlin', 1000), ('Nowhere', 1)"
	 " ON CONFLICT(k) DO UPDATE SET v = v + excluded.v;"
	 "INSERT OR REPLACE INTO kv VALUES ('Cairo', -1);"
	 "SELECT k, v FROM kv ORDER BY k");

  query ("delete",
	 "DELETE FROM orders WHERE qty = 1 AND day < '2024-02-15';"
	 "SELECT count(*) FROM audit;"
	 "SELECT what, at FROM audit ORDER BY id LIMIT 5;"
	 "DELETE FROM customers WHERE id NOT IN (SELECT customer FROM orders)"
	 " AND age > 80;"
	 "SELECT count(*) FROM orders; SELECT count(*) FROM customers");

  query ("rollback",
	 "BEGIN;"
	 "DELETE FROM orders WHERE customer % 2 = 0;"
	 "UPDATE products SET price = 0;"
	 "INSERT INTO customers (name) VALUES ('Temp');"
	 "SELECT count(*), (SELECT sum(price) FROM products) FROM orders;"
	 "ROLLBACK;"
	 "SELECT count(*), printf('%.2f', (SELECT sum(price) FROM products)),"
	 "  (SELECT count(*) FROM customers WHERE name = 'Temp'),"
	 "  (SELECT count(*) FROM audit) FROM orders");

  query ("savepoint",
	 "SAVEPOINT a;"
	 "INSERT INTO kv VALUES ('sp1', 1);"
	 "SAVEPOINT b;"
	 "INSERT INTO kv VALUES ('sp2', 2);"
	 "ROLLBACK TO b;"
	 "RELEASE a;"
	 "SELECT group_concat(k) FROM kv WHERE k LIKE 'sp%'");

  query ("alter and vacuum",
	 "ALTER TABLE products ADD COLUMN stock INTEGER DEFAULT 0;"
	 "UPDATE products SET stock = id % 17;"
	 "ALTER TABLE products RENAME COLUMN stock TO on_hand;"
	 "SELECT sum(on_hand), count(*) FILTER (WHERE on_hand = 0)"
	 " FROM products;"
	 "DROP INDEX orders_product_day;"
	 "VACUUM;"
	 "PRAGMA integrity_check;"
	 "PRAGMA foreign_key_check");

  query ("final", "SELECT (SELECT count(*) FROM orders),"
	 " (SELECT count(*) FROM customers), (SELECT sum(v) FROM kv),"
	 " (SELECT count(*) FROM audit)");
}

int
main (void)
{
  if (sqlite3_open (":memory:", &db) != SQLITE_OK)
    die ("open");
  printf ("sqlite %s\n", sqlite3_libversion ());
  schema ();
  populate ();
  indexes ();
  selects ();
  json ();
  recursive ();
  changes ();
  printf ("== total: %ld rows, hash %016llx\n", total_rows,
	  (unsigned long long) total_hash);
  if (sqlite3_close (db) != SQLITE_OK)
    die ("close");
  return 0;
}
