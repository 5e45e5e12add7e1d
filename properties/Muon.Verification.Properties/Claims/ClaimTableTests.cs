using System.Text.RegularExpressions;
using Muon.Verification.Claims;
using Muon.Verification.NegativeControls;
using Muon.Verification.Properties.Conformance;

namespace Muon.Verification.Properties.Claims;

/// <summary>
/// Meta-tests of the claim and control tables: every spec of every paper has a control (and the check notices a removed
/// one), no control is stale, every spec documents its claim, source and tolerance, and the docs' spec tables list
/// exactly the table's specs.
/// </summary>
public sealed partial class ClaimTableTests
{
    [Fact]
    public void Every_spec_of_every_paper_has_a_control()
    {
        var uncovered = ControlTable.Uncovered(ClaimTable.SpecIds(), ControlTable.Specs);
        Assert.True(uncovered.Count == 0, "specs without a negative control: " + string.Join(", ", uncovered));
    }

    [Fact]
    public void Removing_the_controls_of_any_spec_is_reported()
    {
        foreach (var id in ClaimTable.SpecIds())
        {
            var without = ControlTable.Specs.Where(c => c.Target != id);
            Assert.Equal([id], ControlTable.Uncovered(ClaimTable.SpecIds(), without));
        }
    }

    [Fact]
    public void Removing_one_control_row_of_a_spec_with_one_control_is_reported()
    {
        var single = ControlTable.Specs.GroupBy(c => c.Target).First(g => g.Count() == 1).Single();
        var without = ControlTable.Specs.Where(c => !ReferenceEquals(c, single));
        Assert.Equal([single.Target], ControlTable.Uncovered(ClaimTable.SpecIds(), without));
    }

    [Fact]
    public void Every_control_targets_a_spec_of_the_claim_table()
    {
        var ids = ClaimTable.SpecIds().ToHashSet(StringComparer.Ordinal);
        var stale = ControlTable.Specs.Where(c => !ids.Contains(c.Target)).Select(c => $"{c.Name} → {c.Target}").ToArray();
        Assert.True(stale.Length == 0, "controls of specs the claim table does not list: " + string.Join(", ", stale));
        Assert.Equal(ControlTable.Specs.Count, ControlTable.Specs.Select(c => c.Name).Distinct().Count());
    }

    [Fact]
    public void Every_spec_states_claim_source_and_tolerance_and_each_instance_is_named_once()
    {
        var specs = ClaimTable.ReferenceSpecs().Select(s => s.Spec).ToArray();
        Assert.Equal(specs.Length, specs.Select(s => s.QualifiedName).Distinct().Count());
        Assert.All(specs, s =>
        {
            Assert.False(string.IsNullOrWhiteSpace(s.Claim), s.Id + ": claim");
            Assert.False(string.IsNullOrWhiteSpace(s.Source), s.Id + ": source");
            Assert.False(string.IsNullOrWhiteSpace(s.Tolerance), s.Id + ": tolerance");
            Assert.True(s.StandardCases >= 1, s.Id + ": cases");
        });
        Assert.All(ClaimTable.All, c => Assert.NotEmpty(c.Reference));
        Assert.Equal(ClaimTable.All.Count, ClaimTable.All.Select(c => c.Key).Distinct().Count());
    }

    [Theory]
    [InlineData(Paper.MatrixFactorization, "docs/specs-matrix-factorization.md")]
    [InlineData(Paper.Quadratics, "docs/specs-quadratics-preconditioning.md")]
    [InlineData(Paper.Preconditioning, "docs/specs-quadratics-preconditioning.md")]
    public void The_docs_spec_table_lists_exactly_the_claim_tables_specs(Paper paper, string doc)
    {
        var text = File.ReadAllText(Path.Combine(CliLocator.RepositoryRoot, doc));
        var prefix = paper switch { Paper.MatrixFactorization => "mf/", Paper.Quadratics => "b", _ => "c" };
        var documented = SpecIdInTableRow().Matches(text).Select(m => m.Groups["id"].Value).Where(id => id.StartsWith(prefix, StringComparison.Ordinal)).ToHashSet();
        var table = ClaimTable.SpecIds(paper).ToHashSet();
        Assert.True(table.SetEquals(documented),
            $"{doc}: in the claim table only: {string.Join(", ", table.Except(documented))}; in the docs only: {string.Join(", ", documented.Except(table))}");
    }

    [Fact]
    public void The_dynamics_level_runs_the_claim_tables_dynamics_properties_exact_polar_laws_first()
    {
        Assert.Equal(["dynamics/b1-singular-value-orbit", "dynamics/b1-loss-floor", "dynamics/b1-two-cycle", "dynamics/c1-kappa-free-convergence", "dynamics/b2-coupled-recursion"],
            Verification.Conformance.DynamicsConformance.PropertyIds);
    }

    // A spec id in the first cell of a docs table row: | `mf/A1/…` | or | `b1/…` (…) |.
    [GeneratedRegex(@"^\| `(?<id>(?:mf/[A-F][0-9]?|[bc][0-9])/[a-z0-9\-]+)`", RegexOptions.Multiline)]
    private static partial Regex SpecIdInTableRow();
}
