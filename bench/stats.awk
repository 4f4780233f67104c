# Order statistics for the bench scripts (awk -f bench/stats.awk -f PROGRAM): a list is a string of
# numbers separated by spaces, as the scripts collect them run by run.

# Sorts the numbers of list into a[1..n]; returns n.
function sorted(list, a,   n, i, j, t) {
  n = split(list, a, " ")
  for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
  return n
}

function median(list,   n, a) { n = sorted(list, a); return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }

# "median (min-max)", one decimal.
function spread(list,   n, a) { n = sorted(list, a); return sprintf("%.1f (%.1f-%.1f)", median(list), a[1], a[n]) }
