"use strict";
// ImageChooserWidget: Django's admin select2, showing each picture's thumbnail, size and credit.
{
    const $ = django.jQuery;

    function option(item) {
        if (!item.id) {
            return item.text;
        }
        const url = item.thumbnail || item.element?.dataset.thumbnail;
        const row = $('<span class="image-chooser-option"></span>');
        if (url) {
            row.append($('<img alt="" width="64" height="40">').attr("src", url));
        }
        row.append($('<span class="image-chooser-text"></span>').text(item.text));
        if (item.size) {
            row.append($('<span class="image-chooser-meta"></span>').text(item.credit ? `${item.size} · ${item.credit}` : item.size));
        }
        return row;
    }

    function start(element) {
        $(element).select2({
            ajax: {data: (params) => ({term: params.term, page: params.page})},
            templateResult: option,
            templateSelection: option,
        });
    }

    $(() => $(".image-chooser").not("[name*=__prefix__]").each((_index, element) => start(element)));
    document.addEventListener("formset:added", (event) => {
        $(event.target).find(".image-chooser").each((_index, element) => start(element));
    });
}
