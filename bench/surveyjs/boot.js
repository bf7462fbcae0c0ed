// SurveyJS side of the benchmark: renders the battery qkit exported (`qkit export-surveyjs`),
// one question per page, as a SurveyJS form would be set up for the same job. Never part of qkit.
fetch('battery.json')
  .then((r) => r.json())
  .then((json) => {
    const survey = new Survey.Model(json);
    survey.onComplete.add(() => { window.surveyDone = true; });
    survey.render(document.getElementById('survey'));
  });
