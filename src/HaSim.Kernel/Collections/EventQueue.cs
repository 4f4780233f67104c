using System.Runtime.CompilerServices;

namespace HaSim.Kernel.Collections;

/// <summary>
/// The simulation's future event list: a binary min-heap of (time, order, event) entries.
/// </summary>
/// <remarks>
/// Entries are ordered by time, then by <c>order</c>, which packs the event priority in the
/// high bits and a monotonically increasing insertion number in the low bits. Ties are
/// therefore broken by priority, then strictly by insertion order, however large the heap
/// grows. The backing array only grows, so a run in steady state allocates nothing here.
/// </remarks>
internal sealed class EventQueue
{
    private struct Entry
    {
        public double Time;
        public long Order;
        public Event Event;
    }

    private Entry[] _heap = new Entry[256];
    private int _count;

    public int Count => _count;

    public double PeekTime => _count > 0 ? _heap[0].Time : double.PositiveInfinity;

    public void Enqueue(double time, long order, Event ev)
    {
        if (_count == _heap.Length)
        {
            Array.Resize(ref _heap, _heap.Length * 2);
        }

        var heap = _heap;
        int i = _count++;
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            ref Entry p = ref heap[parent];
            if (!Less(time, order, p.Time, p.Order))
            {
                break;
            }

            heap[i] = p;
            i = parent;
        }

        ref Entry slot = ref heap[i];
        slot.Time = time;
        slot.Order = order;
        slot.Event = ev;
    }

    public Event Dequeue(out double time)
    {
        var heap = _heap;
        Entry top = heap[0];
        time = top.Time;
        int n = --_count;
        if (n > 0)
        {
            Entry last = heap[n];
            int i = 0;
            while (true)
            {
                int child = (i << 1) + 1;
                if (child >= n)
                {
                    break;
                }

                int right = child + 1;
                if (right < n && Less(heap[right].Time, heap[right].Order, heap[child].Time, heap[child].Order))
                {
                    child = right;
                }

                if (!Less(heap[child].Time, heap[child].Order, last.Time, last.Order))
                {
                    break;
                }

                heap[i] = heap[child];
                i = child;
            }

            heap[i] = last;
        }

        heap[n].Event = null!;
        return top.Event;
    }

    public void Clear()
    {
        Array.Clear(_heap, 0, _count);
        _count = 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Less(double t1, long o1, double t2, long o2) => t1 < t2 || (t1 == t2 && o1 < o2);
}
