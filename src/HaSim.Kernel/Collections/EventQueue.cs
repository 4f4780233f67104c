using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace HaSim.Kernel.Collections;

/// <summary>
/// The simulation's future event list: a 4-ary min-heap ordered by (time, order), plus a
/// first-in first-out lane for events scheduled at the current time with normal priority.
/// </summary>
/// <remarks>
/// <para><c>order</c> packs the event priority in the high bits and a monotonically increasing
/// insertion number in the low bits, so ties in time are broken by priority, then strictly by
/// insertion order, however large the queue grows.</para>
/// <para>Heap entries are 16 bytes (time and a slot number), the layout
/// <see cref="PriorityQueue{TElement, TPriority}"/> uses for <c>(int, double)</c>: four children
/// share one cache line and moving an entry copies no object reference, so no GC write
/// barrier runs during a sift. The event and its order live in slot tables; the order is
/// read only when two times are equal.</para>
/// <para>Events triggered "now" with normal priority (resource grants, <see cref="Event.Succeed"/>,
/// a process finishing) are the most common kind and would otherwise be sifted to the top of
/// the heap and straight back down. They go to the lane instead. Every lane entry has the
/// current time and normal priority, so the lane is sorted by insertion and its head is its
/// smallest entry; <see cref="TryDequeue"/> takes whichever of the lane head and the heap top
/// is smaller by the same (time, order) rule. The lane changes speed only: events come out in
/// exactly the order a single heap would give.</para>
/// <para>Pooled events (timeouts, scheduled callbacks) own a permanent slot, taken once when the
/// event is created: scheduling one stores no object reference at all (no GC write barrier, no
/// free-list traffic). Other events take a slot from the free list while they are queued.</para>
/// <para>Removing the top uses the bottom-up ("hole") sift: the hole left at the root moves down
/// along the smallest children to a leaf without comparing against the entry that will fill it,
/// which is then sifted up from there. The entry taken from the end of the heap is almost always
/// one of the latest, so it rarely moves up, and each level costs one comparison fewer.</para>
/// <para>The arrays only grow, so a run in steady state allocates nothing here.</para>
/// </remarks>
internal sealed class EventQueue
{
    private const int Arity = 4;
    private const int Log2Arity = 2;

    // Below this many scheduled events the events and processes they touch mostly stay in cache,
    // and prefetching them costs more than it saves.
    private const int PrefetchMinimumCount = 4096;

    private HeapEntry[] _heap = new HeapEntry[256];
    private int _heapCount;

    private EventRef[] _slots = new EventRef[256];
    private long[] _slotOrders = new long[256];
    private int[] _freeSlots = new int[256];
    private int _freeCount;
    private int _slotsUsed;

    private LaneEntry[] _lane = new LaneEntry[64];
    private int _laneHead;
    private int _laneCount;

    public int Count => _heapCount + _laneCount;

    /// <summary>The time of the smallest entry, or positive infinity if the queue is empty.</summary>
    public double PeekTime
    {
        get
        {
            double heapTime = _heapCount > 0 ? _heap[0].Time : double.PositiveInfinity;
            return _laneCount > 0 ? Math.Min(heapTime, _lane[_laneHead].Time) : heapTime;
        }
    }

    /// <summary>Adds an event to the heap in a slot of its own until it leaves the queue.</summary>
    public void Enqueue(double time, long order, Event ev)
    {
        int slot = _freeCount > 0 ? _freeSlots[--_freeCount] : NewSlot();
        _slots[slot].Event = ev;
        Insert(time, order, slot, permanent: false);
    }

    /// <summary>
    /// Takes a permanent slot for a pooled event: <see cref="EnqueuePermanent"/> then schedules it
    /// without storing a reference. The slot is never freed.
    /// </summary>
    public int AddPermanent(Event ev)
    {
        int slot = NewSlot();
        _slots[slot].Event = ev;
        return slot;
    }

    /// <summary>Adds the pooled event that owns <paramref name="slot"/> (see <see cref="AddPermanent"/>) to the heap.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void EnqueuePermanent(double time, long order, int slot) => Insert(time, order, slot, permanent: true);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Insert(double time, long order, int slot, bool permanent)
    {
        if (_heapCount == _heap.Length)
        {
            Array.Resize(ref _heap, _heap.Length * 2);
        }

        _slotOrders[slot] = order;
        ref HeapEntry heap = ref MemoryMarshal.GetArrayDataReference(_heap);
        ref long orders = ref MemoryMarshal.GetArrayDataReference(_slotOrders);
        int i = _heapCount++;
        while (i > 0)
        {
            int parent = (i - 1) >> Log2Arity;
            ref HeapEntry p = ref Unsafe.Add(ref heap, parent);
            if (!(time < p.Time || (time == p.Time && order < Unsafe.Add(ref orders, p.Slot))))
            {
                break;
            }

            Unsafe.Add(ref heap, i) = p;
            i = parent;
        }

        ref HeapEntry entry = ref Unsafe.Add(ref heap, i);
        entry.Time = time;
        entry.Slot = slot;
        entry.Permanent = permanent ? 1 : 0;
    }

    /// <summary>
    /// Adds an event to the lane. The caller guarantees that its time is the current time and
    /// its priority is normal, so that it is not smaller than any entry already in the lane.
    /// </summary>
    public void EnqueueLane(double time, long order, Event ev)
    {
        if (_laneCount == _lane.Length)
        {
            GrowLane();
        }

        int tail = _laneHead + _laneCount;
        if (tail >= _lane.Length)
        {
            tail -= _lane.Length;
        }

        ref LaneEntry entry = ref _lane[tail];
        entry.Time = time;
        entry.Order = order;
        entry.Event = ev;
        _laneCount++;
    }

    /// <summary>The event in <paramref name="slot"/> (a permanent slot's pooled event).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Event EventAt(int slot) => _slots[slot].Event!;

    /// <summary>True if <paramref name="ev"/> is the lane's head and nothing in the heap comes before it: the next to leave.</summary>
    public bool IsNext(Event ev)
    {
        if (_laneCount == 0)
        {
            return false;
        }

        ref LaneEntry f = ref _lane[_laneHead];
        return ReferenceEquals(f.Event, ev) && (_heapCount == 0 || !HeapTopBefore(f.Time, f.Order));
    }

    /// <summary>Removes the lane's head, which the caller has checked is <paramref name="ev"/> (see <see cref="IsNext"/>).</summary>
    public void TakeLaneHead(Event ev)
    {
        ref LaneEntry f = ref _lane[_laneHead];
        System.Diagnostics.Debug.Assert(ReferenceEquals(f.Event, ev), "Only the lane's head can be taken.");
        f.Event = null!;
        _laneHead = _laneHead + 1 == _lane.Length ? 0 : _laneHead + 1;
        _laneCount--;
    }

    /// <summary>Removes the smallest entry if its time is before <paramref name="before"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryDequeue(double before, [NotNullWhen(true)] out Event? ev, out double time)
    {
        if (_laneCount > 0)
        {
            ref LaneEntry f = ref _lane[_laneHead];
            if (_heapCount == 0 || !HeapTopBefore(f.Time, f.Order))
            {
                time = f.Time;
                if (!(time < before))
                {
                    ev = null;
                    return false;
                }

                ev = f.Event;
                f.Event = null!;
                _laneHead = _laneHead + 1 == _lane.Length ? 0 : _laneHead + 1;
                _laneCount--;
                return true;
            }
        }
        else if (_heapCount == 0)
        {
            ev = null;
            time = double.PositiveInfinity;
            return false;
        }

        time = _heap[0].Time;
        if (!(time < before))
        {
            ev = null;
            return false;
        }

        ev = DequeueHeap();
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool HeapTopBefore(double time, long order)
    {
        ref HeapEntry top = ref MemoryMarshal.GetArrayDataReference(_heap);
        return top.Time < time || (top.Time == time && _slotOrders[top.Slot] < order);
    }

    private Event DequeueHeap()
    {
        ref HeapEntry heap = ref MemoryMarshal.GetArrayDataReference(_heap);
        int topSlot = heap.Slot;
        ref EventRef taken = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_slots), topSlot);
        var result = taken.Event!;
        if (heap.Permanent == 0)
        {
            taken.Event = null;
            _freeSlots[_freeCount++] = topSlot;
        }

        int n = --_heapCount;
        if (n > 0)
        {
            ref long orders = ref MemoryMarshal.GetArrayDataReference(_slotOrders);
            HeapEntry last = Unsafe.Add(ref heap, n);
            int hole = 0;

            // Move the hole down along the smallest children to a leaf.
            while (true)
            {
                int first = (hole << Log2Arity) + 1;
                if (first >= n)
                {
                    break;
                }

                int best = first;
                ref HeapEntry bestEntry = ref Unsafe.Add(ref heap, first);
                int end = Math.Min(first + Arity, n);
                for (int c = first + 1; c < end; c++)
                {
                    ref HeapEntry e = ref Unsafe.Add(ref heap, c);
                    if (e.Time < bestEntry.Time
                        || (e.Time == bestEntry.Time && Unsafe.Add(ref orders, e.Slot) < Unsafe.Add(ref orders, bestEntry.Slot)))
                    {
                        best = c;
                        bestEntry = ref e;
                    }
                }

                Unsafe.Add(ref heap, hole) = bestEntry;
                hole = best;
            }

            // Fill it with the last entry, sifted up to its place.
            long lastOrder = Unsafe.Add(ref orders, last.Slot);
            while (hole > 0)
            {
                int parent = (hole - 1) >> Log2Arity;
                ref HeapEntry p = ref Unsafe.Add(ref heap, parent);
                if (!(last.Time < p.Time || (last.Time == p.Time && lastOrder < Unsafe.Add(ref orders, p.Slot))))
                {
                    break;
                }

                Unsafe.Add(ref heap, hole) = p;
                hole = parent;
            }

            Unsafe.Add(ref heap, hole) = last;
            if (Sse.IsSupported && n >= PrefetchMinimumCount)
            {
                PrefetchUpcoming(ref heap, n);
            }
        }

        return result;
    }

    /// <summary>
    /// Hints the CPU to fetch what the next heap events will touch. In a large model the event,
    /// the process it resumes and that process's iterator are all cold, and each is found only by
    /// reading the one before, so without hints every event waits for a chain of cache misses.
    /// Prefetches never fault and change no state: they only affect speed. An address read here
    /// may be stale if the GC has just moved the object; that only wastes the hint.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void PrefetchUpcoming(ref HeapEntry heap, int n)
    {
        // The new top comes out next. Its event was (most likely) prefetched as the runner-up on
        // the previous dequeue, so reading its waiter is cheap: prefetch that process.
        PrefetchProcess(_slots[heap.Slot].Event?.Waiter);

        // The runner-up is the smallest child of the root: prefetch its event.
        if (n > 1)
        {
            int best = 1;
            int end = Math.Min(1 + Arity, n);
            for (int c = 2; c < end; c++)
            {
                if (Unsafe.Add(ref heap, c).Time < Unsafe.Add(ref heap, best).Time)
                {
                    best = c;
                }
            }

            var runnerUp = _slots[Unsafe.Add(ref heap, best).Slot].Event;
            if (runnerUp is not null)
            {
                Prefetch(Unsafe.As<Event, nint>(ref runnerUp));
            }
        }
    }

    /// <summary>Prefetches a process and the lines around it, where its iterator was allocated just before it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PrefetchProcess(Process? process)
    {
        if (process is not null)
        {
            nint address = Unsafe.As<Process, nint>(ref process);
            Prefetch(address - 64);
            Prefetch(address);
            Prefetch(address + 64);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Prefetch(nint address) => Sse.Prefetch0((void*)address);

    private int NewSlot()
    {
        if (_slotsUsed == _slots.Length)
        {
            Array.Resize(ref _slots, _slots.Length * 2);
            Array.Resize(ref _slotOrders, _slots.Length);
            Array.Resize(ref _freeSlots, _slots.Length);
        }

        return _slotsUsed++;
    }

    private void GrowLane()
    {
        var bigger = new LaneEntry[_lane.Length * 2];
        int firstPart = Math.Min(_laneCount, _lane.Length - _laneHead);
        Array.Copy(_lane, _laneHead, bigger, 0, firstPart);
        Array.Copy(_lane, 0, bigger, firstPart, _laneCount - firstPart);
        _lane = bigger;
        _laneHead = 0;
    }

    private struct HeapEntry
    {
        public double Time;
        public int Slot;

        // 1 if the slot belongs to a pooled event for good (never freed), 0 if taken for this stay in the queue.
        public int Permanent;
    }

    // A struct wrapper, so that storing into the slot table needs no array covariance check.
    private struct EventRef
    {
        public Event? Event;
    }

    private struct LaneEntry
    {
        public double Time;
        public long Order;
        public Event Event;
    }
}
