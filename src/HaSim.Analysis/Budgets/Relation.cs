namespace HaSim.Analysis.Budgets;

/// <summary>How a goal's figure must relate to its limit.</summary>
public enum Relation
{
    /// <summary><c>&lt;=</c>: the figure must not exceed the limit (a recovery time, a probability of loss).</summary>
    AtMost,

    /// <summary><c>&gt;=</c>: the figure must reach the limit (availability).</summary>
    AtLeast,

    /// <summary><c>==</c>: the figure must equal the limit (RPO = 0); only an exact figure (a sample maximum, a constant sample) can pass.</summary>
    Equal,
}

/// <summary>Text of <see cref="Relation"/>.</summary>
public static class Relations
{
    /// <summary>The operator as written in goals: <c>&lt;=</c>, <c>&gt;=</c> or <c>==</c>.</summary>
    public static string Symbol(this Relation relation) => relation switch
    {
        Relation.AtMost => "<=",
        Relation.AtLeast => ">=",
        _ => "==",
    };
}
