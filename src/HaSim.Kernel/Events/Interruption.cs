namespace HaSim.Kernel;

/// <summary>
/// Why a process was interrupted: the cause given to <see cref="Process.Interrupt(object?)"/>
/// and the simulated time it happened.
/// </summary>
/// <param name="Cause">What the interrupter passed; for example a fault description.</param>
/// <param name="TimeSeconds">The simulated time of the interrupt, in seconds.</param>
public sealed record Interruption(object? Cause, double TimeSeconds);
