using Muon.Reference.Orthogonalizers;

namespace Muon.Reference.Tests.Orthogonalizers;

public sealed class CoefficientScheduleNamingTests
{
    public static TheoryData<CoefficientSchedule, string> Builtins() => new()
    {
        { CoefficientSchedule.Cubic, "cubic" },
        { CoefficientSchedule.KellerQuintic, "keller-quintic" },
        { CoefficientSchedule.You5, "you-5" },
        { CoefficientSchedule.PolarExpress, "polar-express" },
    };

    [Theory]
    [MemberData(nameof(Builtins))]
    public void Builtin_schedules_carry_their_documented_names(CoefficientSchedule schedule, string name)
    {
        // The names appear in every report, replay line and orthogonalizer name (newton-schulz:NAME×STEPS).
        Assert.Equal(name, schedule.Name);
        Assert.Equal($"newton-schulz:{name}×5", new NewtonSchulz(schedule, 5).Name);
    }

    [Fact]
    public void A_negative_step_index_is_rejected_by_name()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => CoefficientSchedule.You5.At(-1));
        Assert.Equal("k", e.ParamName);
    }
}
