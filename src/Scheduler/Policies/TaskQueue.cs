using Oompa.Scheduler.Tasks;

namespace Oompa.Scheduler.Policies;

/// <summary>A ring-buffer deque of tasks with insertion by priority (higher first, FIFO among equals).</summary>
internal sealed class TaskQueue
{
    private ScheduledTask[] items = new ScheduledTask[16];
    private int head;

    public int Count { get; private set; }

    public ScheduledTask this[int index] => items[(head + index) & (items.Length - 1)];

    /// <summary>Appends at the back, ignoring priorities.</summary>
    public void PushBack(ScheduledTask task)
    {
        Grow();
        items[(head + Count) & (items.Length - 1)] = task;
        Count++;
    }

    /// <summary>Inserts after every task of higher or equal priority.</summary>
    public void Enqueue(ScheduledTask task)
    {
        int position = Count;
        while (position > 0 && Before(task, this[position - 1]))
        {
            position--;
        }

        if (position == Count)
        {
            PushBack(task);
            return;
        }

        Grow();
        int mask = items.Length - 1;
        for (int i = Count; i > position; i--)
        {
            items[(head + i) & mask] = items[(head + i - 1) & mask];
        }

        items[(head + position) & mask] = task;
        Count++;
    }

    /// <summary>Whether <paramref name="a"/> goes before <paramref name="b"/>: higher priority, then higher urgency.</summary>
    public static bool Before(ScheduledTask a, ScheduledTask b) =>
        a.Priority > b.Priority || (a.Priority == b.Priority && a.Urgency > b.Urgency);

    /// <summary>Removes and returns the task at <paramref name="index"/>.</summary>
    public ScheduledTask RemoveAt(int index)
    {
        int mask = items.Length - 1;
        var task = this[index];
        if (index == 0)
        {
            items[head] = null!;
            head = (head + 1) & mask;
        }
        else
        {
            for (int i = index; i < Count - 1; i++)
            {
                items[(head + i) & mask] = items[(head + i + 1) & mask];
            }

            items[(head + Count - 1) & mask] = null!;
        }

        Count--;
        return task;
    }

    private void Grow()
    {
        if (Count < items.Length)
        {
            return;
        }

        var bigger = new ScheduledTask[items.Length * 2];
        for (int i = 0; i < Count; i++)
        {
            bigger[i] = this[i];
        }

        items = bigger;
        head = 0;
    }
}
