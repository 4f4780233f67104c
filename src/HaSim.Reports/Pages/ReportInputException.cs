namespace HaSim.Reports.Pages;

/// <summary>A results folder or file a report cannot be made from; the message names the file and the field.</summary>
public sealed class ReportInputException(string message) : Exception(message);
